//! Rebuilds the crate when a migration is added or changed: `sqlx::migrate!` embeds the files
//! at compile time, and stable Rust cannot tell cargo about them otherwise.

fn main() {
    println!("cargo:rerun-if-changed=../migrations");
}
