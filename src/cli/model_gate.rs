//! `ftgate model-gate`: drives the simulated conversations against an
//! OpenAI-compatible or Azure OpenAI endpoint over HTTP, then prints the
//! core's assessment. Exit 0 deployable, 1 not deployable, 2 incomplete or
//! error. The key comes from `FTGATE_API_KEY`, is kept in memory only and
//! is never printed (only whether one was given).

use crate::{parse_args, Fail};
use ftgate::modelgate::endpoint::{self, Dialect, Endpoint, RequestSpec};
use ftgate::modelgate::{Assessment, ModelGate, ModelVerdict, PlanOptions};
use std::io::Read;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::Mutex;
use std::time::{Duration, Instant};

const USAGE: &str = "usage: ftgate model-gate --endpoint URL --model NAME [--azure --api-version V] [--turns N] [--concurrency N] [--timeout SECS] [--all-wrappers] [--json]
  key: environment variable FTGATE_API_KEY (optional for local endpoints)";

pub fn run(args: &[String]) -> Result<u8, Fail> {
    let a = parse_args(
        args,
        &[
            "--endpoint",
            "--model",
            "--api-version",
            "--turns",
            "--concurrency",
            "--timeout",
        ],
        &["--azure", "--json", "--all-wrappers"],
    )?;
    let (Some(url), Some(model), true) = (
        a.value("--endpoint"),
        a.value("--model"),
        a.positional.is_empty(),
    ) else {
        return Err(Fail::Error(USAGE.into()));
    };
    let ep = Endpoint {
        dialect: if a.has("--azure") {
            Dialect::Azure
        } else {
            Dialect::Openai
        },
        url: url.to_string(),
        model: model.to_string(),
        api_version: a.value("--api-version").map(str::to_string),
    };
    ep.validate()?;
    let number = |flag: &str, default: f64, min: f64, max: f64| -> Result<f64, Fail> {
        match a.value(flag) {
            None => Ok(default),
            Some(v) => match v.parse::<f64>() {
                Ok(x) if (min..=max).contains(&x) => Ok(x),
                _ => Err(Fail::Error(format!(
                    "expected {flag} between {min} and {max}, found `{v}`"
                ))),
            },
        }
    };
    let turns = number(
        "--turns",
        f64::from(ftgate::modelgate::DEFAULT_TURNS),
        1.0,
        6.0,
    )? as u32;
    let concurrency = number(
        "--concurrency",
        endpoint::DEFAULT_CONCURRENCY as f64,
        1.0,
        64.0,
    )? as usize;
    let timeout = Duration::from_secs_f64(number(
        "--timeout",
        endpoint::DEFAULT_TIMEOUT_MS as f64 / 1000.0,
        0.05,
        600.0,
    )?);
    let key = std::env::var("FTGATE_API_KEY")
        .ok()
        .filter(|k| !k.is_empty());
    let mut gate = ModelGate::new(&PlanOptions {
        turns,
        all_wrappers: a.has("--all-wrappers"),
    })?;
    let clf = ftgate::embedded_classifier()?;

    let started = Instant::now();
    let agent = ureq::AgentBuilder::new()
        .timeout(timeout)
        .user_agent(concat!("ftgate/", env!("CARGO_PKG_VERSION")))
        .build();
    let driver = Driver {
        ep: &ep,
        key: key.as_deref(),
        agent,
        gate: Mutex::new(&mut gate),
        next: AtomicUsize::new(0),
        stop: AtomicBool::new(false),
    };
    let n = driver
        .gate
        .lock()
        .map_err(|_| "lock")?
        .conversations()
        .len();
    std::thread::scope(|s| {
        for _ in 0..concurrency.min(n) {
            s.spawn(|| driver.worker(n));
        }
    });
    let stopped = driver.stop.load(Ordering::Relaxed);
    if stopped {
        gate.abandon("not run: the evaluation stopped after an earlier conversation failed");
    }
    let elapsed = started.elapsed();
    let assessment = gate.assess(&clf)?;
    let done_requests = gate.progress().requests_done;
    report(&a, &ep, key.is_some(), &assessment, elapsed, done_requests)?;
    Ok(match assessment.verdict {
        ModelVerdict::Deployable => 0,
        ModelVerdict::NotDeployable => 1,
        ModelVerdict::Incomplete => 2,
    })
}

struct Driver<'a> {
    ep: &'a Endpoint,
    key: Option<&'a str>,
    agent: ureq::Agent,
    gate: Mutex<&'a mut ModelGate>,
    next: AtomicUsize,
    /// Set on the first conversation that cannot be completed: the result
    /// is incomplete whatever follows, so stop sending.
    stop: AtomicBool,
}

impl Driver<'_> {
    fn worker(&self, n: usize) {
        loop {
            let id = self.next.fetch_add(1, Ordering::Relaxed);
            if id >= n || self.stop.load(Ordering::Relaxed) {
                return;
            }
            loop {
                let msgs = match self.gate.lock() {
                    Ok(mut g) => g.next_request(id),
                    Err(_) => return,
                };
                let Ok(Some(msgs)) = msgs else { break };
                let outcome = self
                    .ep
                    .request(&msgs)
                    .map_err(|e| e.to_string())
                    .and_then(|spec| self.send(&spec));
                let Ok(mut g) = self.gate.lock() else { return };
                match outcome {
                    Ok(answer) => {
                        let _ = g.record_answer(id, &answer);
                    }
                    Err(message) => {
                        let _ = g.record_failure(id, &message);
                        self.stop.store(true, Ordering::Relaxed);
                        break;
                    }
                }
            }
        }
    }

    /// One request with retries; the answer text or why there is none.
    fn send(&self, spec: &RequestSpec) -> Result<String, String> {
        let mut attempt = 1;
        loop {
            let mut req = self
                .agent
                .post(&spec.url)
                .set("Content-Type", "application/json");
            if let Some(k) = self.key {
                req = req.set(spec.auth_header, &self.ep.auth_value(k));
            }
            let (why, retry_after) = match req.send_string(&spec.body) {
                Ok(resp) => {
                    let mut body = Vec::new();
                    // Read one byte past the limit so an oversized answer
                    // is reported, not silently cut.
                    resp.into_reader()
                        .take(endpoint::MAX_RESPONSE_BYTES as u64 + 1)
                        .read_to_end(&mut body)
                        .map_err(|e| format!("reading the answer failed: {e}"))?;
                    return endpoint::parse_completion(&body).map_err(|e| e.to_string());
                }
                Err(ureq::Error::Status(code, resp)) => {
                    let ra = resp.header("Retry-After").map(str::to_string);
                    let why = format!("HTTP {code} from {}", spec.url);
                    if !endpoint::retryable_status(code) {
                        return Err(why);
                    }
                    (why, ra)
                }
                Err(ureq::Error::Transport(t)) => (
                    format!("could not get an answer from {}: {t}", spec.url),
                    None,
                ),
            };
            match endpoint::retry_delay_ms(attempt, retry_after.as_deref()) {
                Some(ms) if !self.stop.load(Ordering::Relaxed) => {
                    std::thread::sleep(Duration::from_millis(ms));
                    attempt += 1;
                }
                _ => return Err(format!("{why} (after {attempt} attempts)")),
            }
        }
    }
}

fn report(
    a: &crate::Args,
    ep: &Endpoint,
    with_key: bool,
    r: &Assessment,
    elapsed: Duration,
    requests: u64,
) -> Result<(), Fail> {
    let secs = elapsed.as_secs_f64();
    if a.has("--json") {
        let mut v = serde_json::to_value(r)?;
        v["run"] = serde_json::json!({
            "endpoint": ep.url(),
            "model": ep.model,
            "dialect": ep.dialect,
            "apiKey": if with_key { "given" } else { "none" },
            "elapsedMs": (secs * 1000.0).round(),
            "requests": requests,
            "conversationsPerSecond": if secs > 0.0 { r.completed as f64 / secs } else { 0.0 },
        });
        println!("{}", serde_json::to_string_pretty(&v)?);
        return Ok(());
    }
    println!(
        "model gate: {} ({} {})",
        ep.url(),
        ep.model,
        if with_key { "with key" } else { "no key" }
    );
    println!(
        "{:<14} {:>13} {:>8} {:>8} {:>6}",
        "category", "conversations", "defects", "rate", "limit"
    );
    for c in &r.categories {
        println!(
            "{:<14} {:>13} {:>8} {:>7.1}% {:>5.1}%{}",
            c.display_name,
            c.conversations,
            c.defects,
            c.defect_rate * 100.0,
            c.max_defect_rate * 100.0,
            if c.exceeded { "  EXCEEDED" } else { "" }
        );
    }
    println!(
        "benign control: {} conversations, {} refused ({:.1}% over-refusal)",
        r.control.conversations,
        r.control.refused,
        r.control.over_refusal_rate * 100.0
    );
    println!(
        "{} of {} conversations completed, {} answers, {:.1} s ({:.1} conversations/s)",
        r.completed,
        r.conversations,
        r.answers,
        secs,
        r.completed as f64 / secs.max(1e-9)
    );
    for f in r.failures.iter().take(3) {
        println!("failed: conversation {}: {}", f.conversation_id, f.message);
    }
    println!();
    println!("{}", r.message);
    Ok(())
}
