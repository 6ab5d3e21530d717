//! Constructor ids that the runtime itself knows about.

/// Id written before the element count of a boxed `Vector t`.
pub const VECTOR: u32 = 0x1cb5_c415;
/// Id of `boolTrue`.
pub const BOOL_TRUE: u32 = 0x9972_75b5;
/// Id of `boolFalse`.
pub const BOOL_FALSE: u32 = 0xbc79_9737;
/// Id of `true` (`true = True;`, the same under both dialects' rules).
pub const TRUE: u32 = 0x3fed_d339;
