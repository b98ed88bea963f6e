//! The app's command list lives in three places that must agree: the handler list in
//! `src/lib.rs`, the declarations in `build.rs` (which make one permission per command), and the
//! grants in `capabilities/main.json`. A command missing from one of them is either uncallable or
//! granted without being needed.

use std::collections::BTreeSet;
use std::path::Path;

fn read(relative: &str) -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(relative)).unwrap()
}

#[test]
fn handlers_declarations_and_grants_name_the_same_commands() {
    let lib = read("src/lib.rs");
    let handlers: BTreeSet<String> = lib
        .split("generate_handler![")
        .nth(1)
        .expect("a generate_handler! list")
        .split(']')
        .next()
        .unwrap()
        .split(',')
        .filter_map(|path| path.trim().rsplit("::").next())
        .filter(|name| !name.is_empty())
        .map(str::to_string)
        .collect();

    let build = read("build.rs");
    let declared: BTreeSet<String> = build
        .split("const COMMANDS: &[&str] = &[")
        .nth(1)
        .expect("a COMMANDS list in build.rs")
        .split("];")
        .next()
        .unwrap()
        .split(',')
        .map(|s| s.trim().trim_matches('"').to_string())
        .filter(|s| !s.is_empty())
        .collect();

    let capability: serde_json::Value =
        serde_json::from_str(&read("capabilities/main.json")).unwrap();
    let granted: BTreeSet<String> = capability["permissions"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|p| p.as_str()?.strip_prefix("allow-"))
        .map(|name| name.replace('-', "_"))
        .collect();

    assert!(handlers.len() >= 10, "{handlers:?}");
    assert_eq!(
        handlers, declared,
        "src/lib.rs handlers vs build.rs COMMANDS"
    );
    assert_eq!(
        handlers, granted,
        "src/lib.rs handlers vs capabilities/main.json grants"
    );
}
