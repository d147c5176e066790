//! The Dintero emulator on its own: listens on `DINTERO_EMULATOR_ADDR` (default 127.0.0.1:4010).
//! Point the app at it with `DINTERO_API_URL=http://127.0.0.1:4010`.

use std::net::SocketAddr;
use std::process::ExitCode;

use emulator::Emulator;
use tokio::net::TcpListener;

#[tokio::main]
async fn main() -> ExitCode {
    tracing_subscriber::fmt().with_target(false).init();
    let addr = std::env::var("DINTERO_EMULATOR_ADDR").unwrap_or_else(|_| "127.0.0.1:4010".into());
    let seed = std::env::var("DINTERO_EMULATOR_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(1);
    let Ok(addr) = addr.parse::<SocketAddr>() else {
        eprintln!("DINTERO_EMULATOR_ADDR is not an address: {addr}");
        return ExitCode::from(2);
    };
    let listener = match TcpListener::bind(addr).await {
        Ok(listener) => listener,
        Err(error) => {
            eprintln!("Cannot listen on {addr}: {error}");
            return ExitCode::FAILURE;
        }
    };
    println!(
        "Dintero emulator listening on http://{} (seed {seed})",
        listener.local_addr().unwrap_or(addr)
    );
    let router = Emulator::new(seed).router();
    if let Err(error) = axum::serve(listener, router).with_graceful_shutdown(terminated()).await {
        eprintln!("Emulator error: {error}");
        return ExitCode::FAILURE;
    }
    ExitCode::SUCCESS
}

/// Resolves on Ctrl-C or, on Unix, SIGTERM.
async fn terminated() {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{signal, SignalKind};
        if let Ok(mut term) = signal(SignalKind::terminate()) {
            tokio::select! {
                _ = tokio::signal::ctrl_c() => {},
                _ = term.recv() => {},
            }
            return;
        }
    }
    let _ = tokio::signal::ctrl_c().await;
}
