//! Counts explicit ids that the computed id reproduces: `ids DIALECT FILE...`.
fn main() {
    let mut args = std::env::args().skip(1);
    let dialect =
        tl_parser::Dialect::from_name(&args.next().unwrap_or_default()).unwrap_or_default();
    for path in args {
        let src = std::fs::read_to_string(&path).expect("readable file");
        let parsed = tl_parser::parse(&src);
        let (mut total, mut ok) = (0, 0);
        for def in &parsed.schema.definitions {
            if let Some(id) = def.id {
                total += 1;
                let computed = tl_parser::compute_id(def, dialect);
                if computed == id.value {
                    ok += 1;
                } else {
                    println!(
                        "  mismatch {:08x} vs {computed:08x}: {}",
                        id.value,
                        tl_parser::id::normalized_text(def, dialect)
                    );
                }
            }
        }
        println!("{path}: {ok}/{total}");
    }
}
