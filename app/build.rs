//! `cfg(browser)`: the wasm build for the browser (`hydrate` without `ssr`), where the app keeps
//! only what islands need (no language files, no server code).
fn main() {
    println!("cargo::rustc-check-cfg=cfg(browser)");
    let hydrate = std::env::var_os("CARGO_FEATURE_HYDRATE").is_some();
    let ssr = std::env::var_os("CARGO_FEATURE_SSR").is_some();
    if hydrate && !ssr {
        println!("cargo::rustc-cfg=browser");
    }
}
