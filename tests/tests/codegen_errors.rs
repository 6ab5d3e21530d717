//! Schemas the generator rejects fail with located, rendered diagnostics.

use tl_codegen::{Config, Error};

fn error_of(sources: &[(&str, &str)]) -> (String, usize) {
    match Config::new().generate_from_strs(sources) {
        Err(Error::Schema { rendered, errors }) => (rendered, errors),
        Err(other) => panic!("unexpected error kind: {other}"),
        Ok(_) => panic!("generation succeeded"),
    }
}

#[test]
fn repetitions_are_rejected_with_location() {
    let (rendered, errors) = error_of(&[(
        "rep.tl",
        "int ? = Int;\ngen.block n:# data:n*[ int ] = gen.Block;\n",
    )]);
    assert_eq!(errors, 1);
    assert_eq!(
        rendered,
        "error: repetitions (`n*[ ... ]`) are not supported by the code generator\n  \
         --> rep.tl:2:15\n  |\n2 | gen.block n:# data:n*[ int ] = gen.Block;\n  \
         |               ^^^^^^^^^^^^^^\n\nerror: could not generate code: 1 error in the schema\n"
    );
}

#[test]
fn conflicting_definitions_across_files_are_located() {
    let (rendered, errors) = error_of(&[
        ("a.tl", "int ? = Int;\npoint x:int = Point;\n"),
        ("b.tl", "int ? = Int;\npoint x:int y:int = Point;\n"),
    ]);
    assert_eq!(errors, 1);
    assert!(
        rendered.starts_with("error: conflicting definition of `point`\n  --> b.tl:2:1\n"),
        "{rendered}"
    );
    assert!(
        rendered.contains("= first defined differently at a.tl:2:1"),
        "{rendered}"
    );
}

#[test]
fn identical_definitions_across_files_merge() {
    // 299f9c6d is the CRC32 of "point x:int = Point" (computed with Python's zlib).
    let code = Config::new()
        .generate_from_strs(&[
            ("a.tl", "int ? = Int;\npoint x:int = Point;\n"),
            (
                "b.tl",
                "int ? = Int;\npoint#299f9c6d x:int = Point;\nline a:Point b:Point = Line;\n",
            ),
        ])
        .unwrap();
    assert_eq!(code.matches("pub struct Point {").count(), 1);
    assert!(code.contains("pub struct Line {"));
}
