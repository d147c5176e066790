//! The emulator is an independent reading of Dintero's API: it may depend on no crate of this
//! workspace (not `app`, whose client it is tested against, nor `server`, which embeds it).

use std::process::Command;

#[test]
fn the_emulator_depends_on_no_crate_of_the_workspace() {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let out = Command::new(cargo)
        .args([
            "tree",
            "--offline",
            "-p",
            "emulator",
            "-e",
            "normal,build,dev",
            "--prefix",
            "none",
        ])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("cargo tree runs");
    assert!(
        out.status.success(),
        "cargo tree failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let tree = String::from_utf8_lossy(&out.stdout);
    assert!(
        tree.lines().any(|l| l.starts_with("emulator v")),
        "the tree names the emulator:\n{tree}"
    );
    let workspace: Vec<&str> = tree
        .lines()
        .filter(|l| l.contains("(/") && !l.starts_with("emulator v"))
        .collect();
    assert!(
        workspace.is_empty(),
        "the emulator depends on workspace crates: {workspace:?}"
    );
}
