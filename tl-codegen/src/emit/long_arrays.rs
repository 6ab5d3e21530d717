//! Serde for fixed repetitions longer than the 32 values serde's own array
//! impls take (`40*[ int ]` is `[i32; 40]`): such a field is (de)serialized
//! as a sequence of exactly `N` values through a helper module the output
//! carries at its root when it needs one.

use proc_macro2::TokenStream;
use quote::quote;

use super::Context;
use super::paths::Here;
use crate::model::{FieldKind, FieldModel, Model, WireType};

/// The longest array serde implements `Serialize`/`Deserialize` for.
const SERDE_ARRAY_MAX: usize = 32;

/// The helper module's name at the output's root.
const MODULE: &str = "__serde_long_arrays";

/// Whether `f` is a long array (TL has no flag in front of a repetition,
/// so it is never an `Option`).
pub fn long_array(f: &FieldModel) -> bool {
    matches!(
        &f.kind,
        FieldKind::Value {
            ty: WireType::Array { len, .. },
            flag: None,
        } if *len > SERDE_ARRAY_MAX
    )
}

/// The serde attribute of a long array field (with its TDLib JSON name
/// where it differs from the Rust one), or `None` for any other field.
pub fn field_attr(f: &FieldModel, here: Here, cx: &Context<'_>) -> Option<TokenStream> {
    if !cx.config.serde {
        return None;
    }
    if !long_array(f) {
        return None;
    }
    let with = super::rustdoc::link_path(here.root_item(MODULE));
    let tl_name = &f.tl_name;
    let rename = (cx.tdlib_json() && f.rust_name.trim_start_matches("r#") != tl_name)
        .then(|| quote!(rename = #tl_name,));
    Some(quote!(#[cfg_attr(feature = "serde", serde(#rename with = #with))]))
}

/// The helper module, when serde is on and some field is a long array.
pub fn helper_module(model: &Model, cx: &Context<'_>) -> TokenStream {
    let fields = model
        .constructors
        .iter()
        .flat_map(|c| &c.fields)
        .chain(model.functions.iter().flat_map(|f| &f.fields))
        .chain(model.groups.iter().flat_map(|g| &g.fields))
        .chain(model.rows.iter().flat_map(|r| &r.fields));
    if !cx.config.serde || !fields.into_iter().any(long_array) {
        return quote!();
    }
    quote! {
        /// Serde for arrays longer than serde's own impls take: a sequence
        /// of exactly `N` values.
        #[cfg(feature = "serde")]
        #[doc(hidden)]
        pub mod __serde_long_arrays {
            /// Writes the array as a sequence.
            pub fn serialize<S, T, const N: usize>(
                value: &[T; N],
                serializer: S,
            ) -> ::std::result::Result<S::Ok, S::Error>
            where
                S: ::serde::Serializer,
                T: ::serde::Serialize,
            {
                ::serde::Serialize::serialize(&value[..], serializer)
            }

            /// Reads a sequence of exactly `N` values.
            pub fn deserialize<'de, D, T, const N: usize>(
                deserializer: D,
            ) -> ::std::result::Result<[T; N], D::Error>
            where
                D: ::serde::Deserializer<'de>,
                T: ::serde::Deserialize<'de>,
            {
                let values: ::std::vec::Vec<T> = ::serde::Deserialize::deserialize(deserializer)?;
                let len = values.len();
                values.try_into().map_err(|_| {
                    let expected = ::std::format!("an array of {N} values");
                    <D::Error as ::serde::de::Error>::invalid_length(len, &expected.as_str())
                })
            }
        }
    }
}
