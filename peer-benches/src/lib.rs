//! Nothing but a home for the benches in `benches/`: see `Cargo.toml`.
