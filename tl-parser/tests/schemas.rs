//! The real schemas (Telegram, TDLib, TON): they parse and validate without
//! errors, their explicit ids are reproduced, they print back to the same
//! tree, and their layer and documentation comments are found.

mod common;

use tl_parser::{Dialect, compute_id};

#[test]
fn every_real_schema_checks_without_errors() {
    let testdata = common::testdata();
    for (path, src) in common::real_schemas(&testdata) {
        let dialect = common::dialect_for(&path);
        let checked = tl_parser::check(&src, dialect);
        let name = path.display().to_string();
        let errors = checked.errors().count();
        println!(
            "{name}: {} declarations, {errors} errors, {} warnings ({dialect:?} ids)",
            checked.schema.definitions.len(),
            checked.warnings().count()
        );
        assert!(
            !checked.has_errors(),
            "{}",
            checked
                .errors()
                .map(|d| d.render(&name, &src))
                .collect::<String>()
        );
        assert!(!checked.schema.definitions.is_empty(), "{name}");
    }
}

/// How many explicit ids `path` has, and how many of them [`compute_id`] reproduces.
fn id_score(path: &std::path::Path, dialect: Dialect) -> (usize, usize) {
    let src = std::fs::read_to_string(path).expect("schema readable");
    let parsed = tl_parser::parse(&src);
    assert_eq!(parsed.diagnostics, vec![]);
    let explicit: Vec<_> = parsed
        .schema
        .definitions
        .iter()
        .filter_map(|d| d.id.map(|id| (d, id.value)))
        .collect();
    let reproduced = explicit
        .iter()
        .filter(|(d, id)| compute_id(d, dialect) == *id)
        .count();
    (explicit.len(), reproduced)
}

#[test]
fn every_explicit_id_of_layer_230_is_reproduced() {
    let testdata = common::testdata();
    let (explicit, reproduced) = id_score(
        &testdata.join("schema/telegram/api-230.tl"),
        Dialect::Telegram,
    );
    assert_eq!(explicit, 2554); // `grep -c "^[a-zA-Z_.0-9]*#[0-9a-f]* "`
    assert_eq!(reproduced, 2554);
}

#[test]
fn nearly_every_explicit_id_of_tdlib_telegram_api_is_reproduced() {
    let testdata = common::testdata();
    let (explicit, reproduced) = id_score(
        &testdata.join("schema/tdlib/telegram_api.tl"),
        Dialect::Telegram,
    );
    assert_eq!(explicit, 2460);
    assert!(reproduced >= 2451, "only {reproduced} of 2460 reproduced");
}

fn id_of(src: &str, dialect: Dialect) -> u32 {
    let parsed = tl_parser::parse(src);
    assert_eq!(parsed.diagnostics, vec![]);
    assert_eq!(parsed.schema.definitions.len(), 1);
    compute_id(&parsed.schema.definitions[0], dialect)
}

#[test]
fn well_known_ids() {
    assert_eq!(
        id_of("vector {t:Type} # [ t ] = Vector t;", Dialect::Telegram),
        0x1cb5c415
    );
    assert_eq!(id_of("int ? = Int;", Dialect::Telegram), 0xa8509bda);
    assert_eq!(
        id_of(
            "p_q_inner_data pq:bytes p:bytes q:bytes nonce:int128 server_nonce:int128 new_nonce:int256 = P_Q_inner_data;",
            Dialect::Telegram
        ),
        0x83c95aec
    );
    assert_eq!(
        id_of(
            "liteServer.listBlockTransactions id:tonNode.blockIdExt mode:# count:# after:mode.7?liteServer.transactionId3 reverse_order:mode.6?true want_proof:mode.5?true = liteServer.BlockTransactions;",
            Dialect::Tdlib
        ),
        0xadfcc7da
    );
}

#[test]
fn real_schemas_print_back_to_the_same_tree() {
    let testdata = common::testdata();
    for (path, src) in common::real_schemas(&testdata) {
        let first = tl_parser::parse(&src);
        assert_eq!(first.diagnostics, vec![], "{}", path.display());
        let printed = first.schema.to_string();
        let second = tl_parser::parse(&printed);
        assert_eq!(second.diagnostics, vec![], "{}: printed", path.display());
        let (a, b) = (
            common::without_spans(&first.schema),
            common::without_spans(&second.schema),
        );
        assert_eq!(a.layer, b.layer, "{}", path.display());
        assert_eq!(a.classes, b.classes, "{}", path.display());
        assert_eq!(a.definitions.len(), b.definitions.len());
        for (x, y) in a.definitions.iter().zip(&b.definitions) {
            assert_eq!(x, y, "{}", path.display());
        }
    }
}

#[test]
fn tdlib_docs_and_classes_survive_printing() {
    let testdata = common::testdata();
    let src = std::fs::read_to_string(testdata.join("schema/tdlib/td_api.tl")).expect("td_api");
    let first = tl_parser::parse(&src).schema;
    let second = tl_parser::parse(&first.to_string()).schema;
    assert_eq!(first.classes.len(), 211);
    assert_eq!(second.classes.len(), 211);
    let documented = |s: &tl_parser::Schema| {
        s.definitions
            .iter()
            .filter(|d| d.doc.description.is_some())
            .count()
    };
    // Everything but the nine built-ins at the top is documented.
    assert_eq!(documented(&first), first.definitions.len() - 9);
    assert_eq!(documented(&second), documented(&first));
}

#[test]
fn layer_comment_first_or_last() {
    let first = tl_parser::parse("// LAYER 230\na = A;\n").schema;
    let layer = first.layer.expect("layer");
    assert_eq!(layer.value, 230);
    assert_eq!((layer.span.start, layer.span.end), (0, 12));

    let last = tl_parser::parse("a = A;\n\n// LAYER 7").schema;
    let layer = last.layer.expect("layer");
    assert_eq!(layer.value, 7);
    assert_eq!((layer.span.start, layer.span.end), (8, 18));

    assert_eq!(tl_parser::parse("// LAYER x\na = A;").schema.layer, None);

    let testdata = common::testdata();
    let src = std::fs::read_to_string(testdata.join("schema/telegram/api-230.tl")).expect("api");
    assert_eq!(
        tl_parser::parse(&src).schema.layer.map(|l| l.value),
        Some(230)
    );
}

#[test]
fn tdlib_docs_attach_to_the_next_declaration() {
    let testdata = common::testdata();
    let src = std::fs::read_to_string(testdata.join("schema/tdlib/td_api.tl")).expect("td_api");
    let schema = tl_parser::parse(&src).schema;
    let find = |name: &str| {
        schema
            .definitions
            .iter()
            .find(|d| d.name.full == name)
            .unwrap_or_else(|| panic!("{name} declared"))
    };

    let error = find("error");
    assert_eq!(
        error.doc.description.as_deref(),
        Some("An object of this type can be returned on every function call, in case of an error")
    );
    assert_eq!(
        error.doc.field("message"),
        Some("Error message; subject to future changes")
    );
    assert_eq!(error.doc.fields.len(), 2);

    // The first constructor after a `//@class` block (separated by a blank line).
    let class = &schema.classes[0];
    assert_eq!(class.name, "AuthenticationCodeType");
    assert_eq!(
        class.description,
        "Provides information about the method by which an authentication code is delivered to the user"
    );
    let telegram_message = find("authenticationCodeTypeTelegramMessage");
    assert_eq!(
        telegram_message.doc.description.as_deref(),
        Some(
            "A digit-only authentication code is delivered via a private Telegram message, which can be viewed from another active session"
        )
    );
    assert_eq!(
        telegram_message.doc.fields,
        [("length".to_owned(), "Length of the code".to_owned())]
    );

    assert!(find("int32").doc.is_empty());
}

#[test]
fn a_blank_line_ends_a_class_block() {
    let src = "\
//@class Shape @description A shape

//@description A circle @radius Its radius
circle radius:int = Shape;
";
    let schema = tl_parser::parse(src).schema;
    assert_eq!(schema.classes.len(), 1);
    assert_eq!(schema.classes[0].name, "Shape");
    assert_eq!(schema.classes[0].description, "A shape");
    let doc = &schema.definitions[0].doc;
    assert_eq!(doc.description.as_deref(), Some("A circle"));
    assert_eq!(doc.field("radius"), Some("Its radius"));
}

/// TDLib documents a field named `description` with `@param_description`.
#[test]
fn param_description_documents_the_description_field() {
    let src = "\
//@description Sets the chat description @chat_id Chat identifier @param_description New description; 0-255 characters
setChatDescription chat_id:int53 description:string = Ok;
";
    let schema = tl_parser::parse(src).schema;
    let doc = &schema.definitions[0].doc;
    assert_eq!(
        doc.description.as_deref(),
        Some("Sets the chat description")
    );
    assert_eq!(
        doc.field("description"),
        Some("New description; 0-255 characters")
    );
    assert_eq!(doc.field("chat_id"), Some("Chat identifier"));
}
