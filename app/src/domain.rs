//! Sigap's rules as pure functions and types, with no IO: compiled for the server and the
//! browser alike, and tested against the worked examples of the domain reference
//! (`../shared/domain/REFERENCE.md`).
