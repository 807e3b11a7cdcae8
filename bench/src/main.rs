//! `sigap-bench`: Sigap's benchmark suite (BENCHMARKS.md). Every figure is measured against a
//! baseline taken in the same run on the same machine, and reported with the ratio, so the
//! numbers mean something on a noisy machine. Run it with `./scripts/bench.sh`.

mod load;
mod pages;
mod proc;
mod ranking;
mod report;
mod servers;
mod survey;

use anyhow::Context;
use clap::{Parser, Subcommand};
use proc::Target;
use std::path::PathBuf;

#[derive(Parser)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Run the suite and write `bench/results/DATE.{json,md}` and BENCHMARKS.md's table.
    Run(RunArgs),
    /// The bare baseline server (started by `run`).
    BareServer {
        #[arg(long)]
        port: u16,
        #[arg(long)]
        size: usize,
    },
    /// Closed-loop load on one running server's page, for profiling between full runs.
    Hit {
        /// Port of a running Sigap (or any HTTP server) on 127.0.0.1.
        #[arg(long)]
        port: u16,
        /// Path to request.
        #[arg(long, default_value = "/layanan")]
        path: String,
        /// `Cookie` header to send.
        #[arg(long)]
        cookie: Option<String>,
        /// Seconds of load.
        #[arg(long, default_value_t = 8)]
        seconds: u64,
        /// Connections kept busy.
        #[arg(long, default_value_t = 16)]
        concurrency: usize,
    },
    /// Figure 1 alone on one engine (a fresh small city), for profiling between full runs.
    Answers {
        #[command(flatten)]
        run: RunArgs,
        /// `sqlite` or `postgres`.
        #[arg(long, default_value = "sqlite")]
        engine: String,
    },
}

#[derive(clap::Args)]
struct RunArgs {
    /// The release `sigap` binary.
    #[arg(long, default_value = "target/release/sigap")]
    sigap: PathBuf,
    /// The built site (pkg/ with the WASM bundle).
    #[arg(long, default_value = "target/site")]
    site: PathBuf,
    /// Where the databases of the run live.
    #[arg(long, default_value = "bench/.work")]
    work: PathBuf,
    /// Where results go.
    #[arg(long, default_value = "bench/results")]
    out: PathBuf,
    /// PostgreSQL server to create the benchmark databases on.
    #[arg(
        long,
        env = "SIGAP_BENCH_PG",
        default_value = "postgres://postgres@127.0.0.1:5432/postgres"
    )]
    pg: String,
    /// Skip the two large seeds (figures 3 and 6), for a quick look.
    #[arg(long)]
    quick: bool,
    /// Skip seeding the city (figure 6).
    #[arg(long)]
    no_city_seed: bool,
    /// Connections the load generator keeps busy at peak.
    #[arg(long, default_value_t = 16)]
    concurrency: usize,
}

fn main() -> anyhow::Result<()> {
    let cli = Cli::parse();
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?;
    match cli.command {
        Command::BareServer { port, size } => runtime.block_on(proc::bare_server(port, size)),
        Command::Run(args) => runtime.block_on(run(args)),
        Command::Answers { run, engine } => runtime.block_on(async move {
            let engine = match engine.as_str() {
                "sqlite" => "sqlite",
                "postgres" => "postgres",
                other => anyhow::bail!("unknown engine {other} (sqlite or postgres)"),
            };
            let (bin, site) = built(&run)?;
            std::fs::create_dir_all(&run.work)?;
            let answers = answers(&run, &bin, &site, engine, FIRST_PORT).await?;
            println!("   {:?}", answers.figure);
            Ok(())
        }),
        Command::Hit {
            port,
            path,
            cookie,
            seconds,
            concurrency,
        } => runtime.block_on(async move {
            let page = pages::Page {
                name: "hit",
                path,
                cookie,
                reference: true,
            };
            let peak = pages::hit(port, &page, concurrency, seconds).await?;
            println!(
                "{:.0}/s ({} completed, {} errors, c={})",
                peak.per_second, peak.completed, peak.errors, peak.concurrency
            );
            Ok(())
        }),
    }
}

/// A fresh target: an empty SQLite folder, or a new PostgreSQL database.
async fn fresh(args: &RunArgs, engine: &'static str, name: &str) -> anyhow::Result<Target> {
    let data_dir = args.work.join(format!("{engine}-{name}"));
    let _ = std::fs::remove_dir_all(&data_dir);
    std::fs::create_dir_all(&data_dir)?;
    let database_url = if engine == "sqlite" {
        format!("sqlite://{}", data_dir.join("sigap.db").display())
    } else {
        use sqlx::Connection;
        let db = format!("sigap_bench_{name}");
        let mut admin = sqlx::PgConnection::connect(&args.pg)
            .await
            .context("PostgreSQL")?;
        sqlx::query(&format!("DROP DATABASE IF EXISTS {db} WITH (FORCE)"))
            .execute(&mut admin)
            .await?;
        sqlx::query(&format!("CREATE DATABASE {db}"))
            .execute(&mut admin)
            .await?;
        let (base, _) = args
            .pg
            .rsplit_once('/')
            .context("a PostgreSQL URL with a database")?;
        format!("{base}/{db}")
    };
    Ok(Target {
        engine,
        data_dir,
        database_url,
    })
}

/// The release binary and the built site, as absolute paths.
fn built(args: &RunArgs) -> anyhow::Result<(PathBuf, PathBuf)> {
    let bin = std::fs::canonicalize(&args.sigap).context("build the release binary first")?;
    let site = std::fs::canonicalize(&args.site).context("build the site first")?;
    Ok((bin, site))
}

/// Figure 1 on one engine, and what the figures after it reuse: the small city, its server
/// (still running) and the invitations prepared for it.
struct Answers {
    target: Target,
    server: proc::Running,
    tokens: Vec<String>,
    figure: survey::SurveyFigure,
}

/// The first port the suite's servers listen on; each further server takes the next. Below
/// Linux's ephemeral range (32768–60999 by default): the load generator opens tens of thousands
/// of connections, each on a local port from that range, and one of them once held the port a
/// server of the suite was about to listen on.
const FIRST_PORT: u16 = 18_100;

async fn answers(
    args: &RunArgs,
    bin: &std::path::Path,
    site: &std::path::Path,
    engine: &'static str,
    port: u16,
) -> anyhow::Result<Answers> {
    println!("== {engine}: the small demo city, survey answers");
    let target = fresh(args, engine, "small").await?;
    target.sigap(bin, &["seed-demo", "--scale", "small"])?;
    let tokens = survey::invitations(&target, 150_000).await?;
    let raw =
        survey::raw_inserts(&target, args.concurrency, std::time::Duration::from_secs(8)).await?;
    let log = args.work.join(format!("{engine}-server.log"));
    let server = target.serve(bin, site, port, &log)?;
    let figure = survey::measure(&target, &server, tokens.clone(), raw, args.concurrency).await?;
    Ok(Answers {
        target,
        server,
        tokens,
        figure,
    })
}

async fn run(args: RunArgs) -> anyhow::Result<()> {
    let (bin, site) = built(&args)?;
    std::fs::create_dir_all(&args.work)?;
    let today = time::OffsetDateTime::now_utc().date().to_string();
    let mut results = report::Results::new(&today);
    let mut port = FIRST_PORT;
    for engine in ["sqlite", "postgres"] {
        port += 1;
        let Answers {
            target,
            server,
            tokens,
            figure,
        } = answers(&args, &bin, &site, engine, port).await?;
        println!("   {figure:?}");
        let answers_per_second = figure.answers.per_second;
        results.survey.push(figure);
        if engine == "postgres" {
            println!("== postgres: one server against two on the same database");
            port += 1;
            let log = args.work.join(format!("{engine}-second-server.log"));
            let second = target.serve(&bin, &site, port, &log)?;
            let figure = servers::measure(
                &target,
                &server,
                &second,
                args.concurrency,
                answers_per_second,
            )
            .await?;
            println!("   {figure:?}");
            results.servers.push(figure);
        }
        if engine == "sqlite" {
            println!("== citizen pages");
            let cookie =
                pages::citizen_cookie(port, "3171011505900003", "demo-warga-sigap").await?;
            let application = pages::first_application(port, &cookie).await?;
            // A token nobody has answered: the form renders, GET changes nothing.
            let unanswered = tokens.last().context("tokens")?.clone();
            let list = [
                pages::Page {
                    name: "catalog",
                    path: "/layanan".into(),
                    cookie: None,
                    reference: false,
                },
                pages::Page {
                    name: "application status",
                    path: application,
                    cookie: Some(cookie.clone()),
                    reference: false,
                },
                pages::Page {
                    name: "survey form",
                    path: format!("/survei/{unanswered}"),
                    cookie: None,
                    reference: false,
                },
            ];
            // Where a page's time goes: the router and middleware alone, a page with no data
            // (render only), and the same page signed in (render and the session check).
            let references = [
                ("router and middleware only (/healthz)", "/healthz", None),
                ("about page, no data, signed out", "/tentang", None),
                (
                    "about page, no data, signed in",
                    "/tentang",
                    Some(cookie.clone()),
                ),
            ]
            .map(|(name, path, cookie)| pages::Page {
                name,
                path: path.into(),
                cookie,
                reference: true,
            });
            for page in list.iter().chain(references.iter()) {
                port += 1;
                let figure = pages::throughput(&server, page, port, args.concurrency).await?;
                println!(
                    "   {} {:.0}/s vs bare {:.0}/s",
                    figure.page, figure.sigap.per_second, figure.bare.per_second
                );
                results.pages.push(figure);
            }
            let home = pages::Page {
                name: "home",
                path: "/".into(),
                cookie: None,
                reference: false,
            };
            for page in std::iter::once(&home).chain(list.iter()) {
                results.weight.push(pages::weight(&server, page).await?);
            }
        }
        results.memory.push(report::Memory {
            engine,
            peak_rss_mib: server.peak_rss_mib()?,
            rss_after_mib: server.rss_mib()?,
        });
        drop(server);
    }
    if !args.quick {
        for engine in ["sqlite", "postgres"] {
            println!("== {engine}: HR ranking at province scale (seeding first)");
            let target = fresh(&args, engine, "province").await?;
            let figure = ranking::measure(&target, &bin, &today).await?;
            println!("   {figure:?}");
            results.ranking.push(figure);
            let _ = std::fs::remove_dir_all(&target.data_dir);
        }
        for engine in ["sqlite", "postgres"]
            .into_iter()
            .filter(|_| !args.no_city_seed)
        {
            println!("== {engine}: seeding the city");
            let target = fresh(&args, engine, "city").await?;
            let took = ranking::seed_city(&target, &bin, &today)?;
            results.seeding.push(report::Seeding {
                engine: engine.to_owned(),
                scale: "city".to_owned(),
                seconds: took.as_secs_f64(),
            });
            let _ = std::fs::remove_dir_all(&target.data_dir);
        }
    }
    results.write(&args.out, std::path::Path::new("BENCHMARKS.md"))
}
