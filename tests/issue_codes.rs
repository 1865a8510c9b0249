//! docs/issue-codes.md lists every code the source defines, and only those.
// Test code: a failed unwrap is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

use std::collections::BTreeSet;
use std::fs;
use std::path::Path;

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

/// `"value"` of every `pub const X: &str = "value";` under src/.
fn codes_in_source(dir: &Path, found: &mut BTreeSet<String>) {
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            codes_in_source(&path, found);
        } else if path.extension().is_some_and(|e| e == "rs") {
            for line in fs::read_to_string(&path).unwrap().lines() {
                let line = line.trim();
                if line.starts_with("pub const ") && line.contains(": &str = \"") {
                    let value = line.split('"').nth(1).unwrap();
                    found.insert(value.to_owned());
                }
            }
        }
    }
}

#[test]
fn the_code_table_matches_the_source() {
    let mut source = BTreeSet::new();
    codes_in_source(&Path::new(ROOT).join("src"), &mut source);
    let doc = fs::read_to_string(Path::new(ROOT).join("docs/issue-codes.md")).unwrap();
    let documented: BTreeSet<String> = doc
        .lines()
        .filter_map(|line| line.strip_prefix("| `"))
        .map(|rest| rest.split('`').next().unwrap().to_owned())
        .collect();
    let undocumented: Vec<_> = source.difference(&documented).collect();
    let stale: Vec<_> = documented.difference(&source).collect();
    assert!(undocumented.is_empty(), "codes missing from docs/issue-codes.md: {undocumented:?}");
    assert!(stale.is_empty(), "docs/issue-codes.md lists codes the source no longer has: {stale:?}");
    assert!(source.len() > 80, "found {} codes", source.len());
}
