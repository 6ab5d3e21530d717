//! Hostile input against the generated decoders: typed errors, no panics, no
//! stack exhaustion.

tests::testdata_tests! {
    helpers {
        use tests::api::enums::RichText;
        use tl_runtime::{DecodeErrorKind, Deserializable, Reader, Serializable};

        /// `textBold#6724abc4` nested `depth` times around `textEmpty#dc3d824f`.
        fn nested_bold(depth: usize) -> Vec<u8> {
            let mut bytes = Vec::new();
            for _ in 0..depth {
                bytes.extend_from_slice(&0x6724abc4_u32.to_le_bytes());
            }
            bytes.extend_from_slice(&0xdc3d824f_u32.to_le_bytes());
            bytes
        }
    }

    fn nesting_within_the_limit_decodes() {
        let bytes = nested_bold(99);
        let text = RichText::from_bytes(&bytes).unwrap();
        assert_eq!(text.to_bytes(), bytes);
    }

    fn nesting_past_the_limit_is_an_error_not_a_stack_overflow() {
        // 100 levels are allowed; the 101st boxed value starts at byte 400.
        let err = RichText::from_bytes(&nested_bold(100)).unwrap_err();
        assert_eq!(err.kind, DecodeErrorKind::TooDeep(100));
        assert_eq!(err.offset, 400);
        assert_eq!(
            err.to_string(),
            "RichText nested more than 100 levels deep at offset 400"
        );
        // A million levels: still a clean error.
        let err = RichText::from_bytes(&nested_bold(1_000_000)).unwrap_err();
        assert_eq!(err.kind, DecodeErrorKind::TooDeep(100));
        // The limit is the caller's to choose.
        let bytes = nested_bold(10);
        let mut reader = Reader::new(&bytes).with_max_depth(5);
        let err = RichText::deserialize(&mut reader).unwrap_err();
        assert_eq!(err.kind, DecodeErrorKind::TooDeep(5));
    }
}
