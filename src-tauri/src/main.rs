//! Starts the Parallax desktop app.
// No console window on Windows release builds.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() {
    // First: in a file-reading worker this reads the one file and exits.
    parallax_store::reader::isolate_readers();
    parallax_app::run();
}
