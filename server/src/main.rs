//! The Partner Back-office server: config from the environment, serve [`server::app`].

use std::process::ExitCode;

use server::{app, demo_sign_ins, Config};
use tokio::net::TcpListener;

#[tokio::main]
async fn main() -> ExitCode {
    server::init_tracing();
    let config = match Config::from_env() {
        Ok(config) => config,
        Err(error) => {
            eprintln!("Configuration error: {error}");
            return ExitCode::from(2);
        }
    };
    let router = match app(config.clone()).await {
        Ok(router) => router,
        Err(error) => {
            eprintln!("{error}");
            return ExitCode::FAILURE;
        }
    };
    let listener = match TcpListener::bind(config.site_addr).await {
        Ok(listener) => listener,
        Err(error) => {
            eprintln!("Cannot listen on {}: {error}", config.site_addr);
            return ExitCode::FAILURE;
        }
    };
    let addr = listener.local_addr().unwrap_or(config.site_addr);
    println!("\nPartner Back-office is running at http://{addr}");
    if config.embedded_emulator() {
        let demo = demo_sign_ins();
        println!(
            "Dintero: the built-in emulator (partner {}). Demo sign-ins, password \"{}\":",
            config.partner_id, demo.password
        );
        for (email, role) in demo.people {
            println!("  {email:<30} {role}");
        }
    } else {
        println!(
            "Dintero: {} (partner {})",
            config.dintero_api_url.as_deref().unwrap_or_default(),
            config.partner_id
        );
    }
    println!();
    if let Err(error) = axum::serve(
        listener,
        router.into_make_service_with_connect_info::<std::net::SocketAddr>(),
    )
    .with_graceful_shutdown(server::shutdown_signal())
    .await
    {
        eprintln!("Server error: {error}");
        return ExitCode::FAILURE;
    }
    ExitCode::SUCCESS
}
