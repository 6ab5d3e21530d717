fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match tl_codegen::generate(&args) {
        Ok(code) => print!("{code}"),
        Err(e) => {
            eprintln!("{e}");
            std::process::exit(1)
        }
    }
}
