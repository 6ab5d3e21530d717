//! Rust names for TL names.

use heck::{ToSnakeCase, ToUpperCamelCase};

/// Rust keywords that a raw identifier (`r#type`) can stand for.
const RAW_KEYWORDS: &[&str] = &[
    "as", "async", "await", "break", "const", "continue", "dyn", "else", "enum", "extern", "false",
    "fn", "for", "gen", "if", "impl", "in", "let", "loop", "match", "mod", "move", "mut", "pub",
    "ref", "return", "static", "struct", "trait", "true", "type", "unsafe", "use", "where",
    "while", "abstract", "become", "box", "do", "final", "macro", "override", "priv", "typeof",
    "unsized", "virtual", "yield", "try",
];

/// Keywords that cannot be raw identifiers; they get a trailing underscore.
const NON_RAW_KEYWORDS: &[&str] = &["self", "Self", "super", "crate", "_"];

/// A field or module name: snake_case, keywords escaped (`r#type`, `self_`).
pub fn escape_ident(snake: &str) -> String {
    if NON_RAW_KEYWORDS.contains(&snake) {
        format!("{snake}_")
    } else if RAW_KEYWORDS.contains(&snake) {
        format!("r#{snake}")
    } else if snake.starts_with(|c: char| c.is_ascii_digit()) {
        format!("_{snake}")
    } else {
        snake.to_owned()
    }
}

/// The module name for a TL namespace segment (`tonNode` → `ton_node`).
pub fn module_name(segment: &str) -> String {
    escape_ident(&segment.to_snake_case())
}

/// The struct or enum name for the last segment of a TL name
/// (`importChatInvite` → `ImportChatInvite`, `P_Q_inner_data` → `PQInnerData`).
pub fn type_name(segment: &str) -> String {
    let name = segment.to_upper_camel_case();
    match name.as_str() {
        "" => "Unnamed".to_owned(),
        "Self" => "Self_".to_owned(),
        _ if name.starts_with(|c: char| c.is_ascii_digit()) => format!("T{name}"),
        _ => name,
    }
}

/// A field name for a TL field name.
pub fn field_name(tl: &str) -> String {
    escape_ident(&tl.to_snake_case())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names() {
        assert_eq!(type_name("importChatInvite"), "ImportChatInvite");
        assert_eq!(type_name("P_Q_inner_data"), "PQInnerData");
        assert_eq!(
            type_name("Set_client_DH_params_answer"),
            "SetClientDhParamsAnswer"
        );
        assert_eq!(module_name("tonNode"), "ton_node");
        assert_eq!(field_name("type"), "r#type");
        assert_eq!(field_name("self"), "self_");
        assert_eq!(field_name("g_a"), "g_a");
        assert_eq!(field_name("eager_0"), "eager_0");
    }
}
