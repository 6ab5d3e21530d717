//! Writes seed inputs for the decode targets from the shared corpus, read in
//! place: `seed CORPUS_TSV... OUT_DIR_TYPES OUT_DIR_FUNCTIONS`. A type sample
//! becomes its type's number (2 bytes) and its bytes; a function sample its
//! bytes.

fn unhex(hex: &str) -> Option<Vec<u8>> {
    (0..hex.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(hex.get(i..i + 2)?, 16).ok())
        .collect()
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [tsvs @ .., types_dir, functions_dir] = args.as_slice() else {
        eprintln!("usage: seed CORPUS_TSV... TYPES_DIR FUNCTIONS_DIR");
        std::process::exit(2);
    };
    let mut written = 0;
    for tsv in tsvs {
        let text = std::fs::read_to_string(tsv).unwrap_or_default();
        for (n, line) in text.lines().enumerate() {
            let cols: Vec<&str> = line.split('\t').collect();
            let [kind, name, _, hex] = cols.as_slice() else {
                continue;
            };
            let Some(bytes) = unhex(hex) else { continue };
            let (dir, input) = match *kind {
                "type" => {
                    let Some(i) = tl_fuzz::TYPE_NAMES.iter().position(|t| t == name) else {
                        continue;
                    };
                    let mut input = (i as u16).to_le_bytes().to_vec();
                    input.extend(bytes);
                    (types_dir, input)
                }
                _ => (functions_dir, bytes),
            };
            let file = format!(
                "{dir}/seed-{}-{n}",
                std::path::Path::new(tsv)
                    .file_stem()
                    .and_then(|s| s.to_str())
                    .unwrap_or("x")
            );
            if std::fs::write(file, input).is_ok() {
                written += 1;
            }
        }
    }
    println!("{written} seeds");
}
