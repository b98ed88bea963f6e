//! The app's commands are listed once, in `src/commands/list.rs`: `lib.rs` registers their
//! handlers from it and `build.rs` declares one permission per command. Two other files must
//! agree with it: the grants in `capabilities/main.json` (a command missing there cannot be
//! called; one granted but not listed is a privilege nobody needs) and the commands the UI's
//! gateway `ui/src/lib/api.ts` calls.

use std::collections::BTreeSet;
use std::path::Path;

include!("../src/commands/list.rs");

/// The command names of `app_commands!`.
macro_rules! names {
    ($($module:ident::$name:ident),* $(,)?) => {
        [$(stringify!($name)),*]
    };
}

fn read(relative: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(relative);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

#[test]
fn grants_and_the_ui_gateway_name_the_listed_commands() {
    let listed: BTreeSet<String> = app_commands!(names).iter().map(|s| s.to_string()).collect();
    assert!(listed.len() >= 10, "{listed:?}");

    let capability: serde_json::Value =
        serde_json::from_str(&read("capabilities/main.json")).unwrap();
    let granted: BTreeSet<String> = capability["permissions"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|p| p.as_str()?.strip_prefix("allow-"))
        .map(|name| name.replace('-', "_"))
        .collect();
    assert_eq!(
        listed, granted,
        "src/commands/list.rs vs capabilities/main.json grants"
    );

    // Every `call('name'` of the gateway.
    let gateway = read("../ui/src/lib/api.ts");
    let called: BTreeSet<String> = gateway
        .split("call('")
        .skip(1)
        .filter_map(|rest| rest.split('\'').next())
        .map(str::to_string)
        .collect();
    assert_eq!(listed, called, "src/commands/list.rs vs ui/src/lib/api.ts");
}
