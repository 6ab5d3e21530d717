//! Parses the files named on the command line and prints counts and diagnostics.
fn main() {
    for path in std::env::args().skip(1) {
        let src = std::fs::read_to_string(&path).expect("readable file");
        let parsed = tl_parser::parse(&src);
        for d in &parsed.diagnostics {
            eprint!("{}", d.render(&path, &src));
        }
        println!(
            "{path}: {} definitions, {} classes, {} diagnostics, layer {:?}",
            parsed.schema.definitions.len(),
            parsed.schema.classes.len(),
            parsed.diagnostics.len(),
            parsed.schema.layer.map(|l| l.value)
        );
    }
}
