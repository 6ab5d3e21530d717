//! Nothing: the benches are in `diff/` and `docs/`.
