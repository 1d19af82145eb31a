//! `ftgate` command-line interface: glue around the core. Exit codes follow
//! ripgrep: 0 pass, 1 fail verdict, 2 error.

use ftgate::classifier::ScoreRecord;
use ftgate::features::Featurizer;
use ftgate::{policy, Classifier, Verdict};
use serde::Deserialize;
use std::io::{self, BufRead, BufWriter, Write};
use std::process::ExitCode;

mod check_file;
mod cli;

const USAGE: &str = "\
ftgate — checks fine-tuning training data for harmful content, locally.

USAGE:
    ftgate check FILE [--json]       data gate: exit 0 pass, 1 fail, 2 error
          [--threads N]              threads (default: all cores; same verdict for any N)
    ftgate score [FILE] [--model M]  score JSONL lines {\"text\": ...} (stdin without FILE)
    ftgate featurize [--buckets N]   text → model features (used by the training pipeline)
    ftgate featurize --feature-version
    ftgate info                      model, policy and version
    ftgate model-gate --endpoint URL --model NAME [--azure --api-version V]
                      [--turns N] [--concurrency N] [--timeout SECS] [--json]
                                     model gate against a chat endpoint (key: FTGATE_API_KEY):
                                     exit 0 deployable, 1 not deployable, 2 incomplete/error
    ftgate demo-endpoint [--port 8081] [--persona safe|unsafe]
                                     local OpenAI-compatible demo model (safe / unsafe personas)
    ftgate --help | --version
";

enum Fail {
    /// Usage or I/O problem: exit 2.
    Error(String),
}

impl<E: std::fmt::Display> From<E> for Fail {
    fn from(e: E) -> Self {
        Fail::Error(e.to_string())
    }
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(code) => ExitCode::from(code),
        Err(Fail::Error(m)) => {
            eprintln!("error: {m}");
            ExitCode::from(2)
        }
    }
}

fn run(args: &[String]) -> Result<u8, Fail> {
    let Some(cmd) = args.first() else {
        eprint!("{USAGE}");
        return Ok(2);
    };
    let rest = &args[1..];
    match cmd.as_str() {
        "check" => check(rest),
        "score" => score(rest),
        "featurize" => featurize(rest),
        "info" => info(),
        "model-gate" => cli::model_gate::run(rest),
        "demo-endpoint" => cli::demo_server::run(rest),
        "-h" | "--help" | "help" => {
            print!("{USAGE}");
            Ok(0)
        }
        "-V" | "--version" => {
            println!("ftgate {}", env!("CARGO_PKG_VERSION"));
            Ok(0)
        }
        other => Err(Fail::Error(format!(
            "unknown command `{other}`; expected check, score, featurize, info, model-gate or demo-endpoint\n\n{USAGE}"
        ))),
    }
}

/// Splits arguments into positional ones and `--flag [value]` options.
struct Args<'a> {
    positional: Vec<&'a str>,
    flags: Vec<(&'a str, Option<&'a str>)>,
}

fn parse_args<'a>(
    args: &'a [String],
    with_value: &[&str],
    switches: &[&str],
) -> Result<Args<'a>, Fail> {
    let mut a = Args {
        positional: Vec::new(),
        flags: Vec::new(),
    };
    let mut it = args.iter();
    while let Some(x) = it.next() {
        if with_value.contains(&x.as_str()) {
            let v = it
                .next()
                .ok_or_else(|| Fail::Error(format!("`{x}` needs a value")))?;
            a.flags.push((x, Some(v)));
        } else if switches.contains(&x.as_str()) {
            a.flags.push((x, None));
        } else if x.starts_with("--") {
            return Err(Fail::Error(format!("unknown option `{x}`")));
        } else {
            a.positional.push(x);
        }
    }
    Ok(a)
}

impl Args<'_> {
    fn has(&self, f: &str) -> bool {
        self.flags.iter().any(|(k, _)| *k == f)
    }
    fn value(&self, f: &str) -> Option<&str> {
        self.flags
            .iter()
            .find(|(k, _)| *k == f)
            .and_then(|(_, v)| *v)
    }
}

fn shipped_classifier() -> Result<Classifier, Fail> {
    Ok(ftgate::embedded_classifier()?)
}

fn check(args: &[String]) -> Result<u8, Fail> {
    let a = parse_args(args, &["--threads"], &["--json"])?;
    let [path] = a.positional[..] else {
        return Err(Fail::Error(
            "usage: ftgate check FILE [--json] [--threads N]".into(),
        ));
    };
    let threads = match a.value("--threads") {
        Some(t) => t.parse().ok().filter(|t| *t > 0).ok_or_else(|| {
            Fail::Error(format!(
                "--threads: expected a positive integer, found `{t}`"
            ))
        })?,
        None => std::thread::available_parallelism().map_or(1, |n| n.get()),
    };
    let clf = shipped_classifier()?;
    let verdict = check_file::check_file(path, threads, &clf)?;
    let out = io::stdout();
    let mut out = BufWriter::new(out.lock());
    if a.has("--json") {
        serde_json::to_writer(&mut out, &verdict)?;
        writeln!(out)?;
    } else {
        print_verdict(&mut out, &verdict)?;
    }
    out.flush()?;
    Ok(if verdict.examples == 0 {
        // Nothing in the file could be read as an example: unusable format.
        2
    } else if verdict.passed() {
        0
    } else {
        1
    })
}

fn print_verdict(out: &mut impl Write, v: &Verdict) -> io::Result<()> {
    writeln!(out, "{}", v.message)?;
    if let Some(m) = &v.format_message {
        if *m != v.message {
            writeln!(out, "{m}")?;
        }
    }
    writeln!(
        out,
        "\n{} examples, {} texts, {} lines",
        v.examples, v.texts, v.lines
    )?;
    writeln!(
        out,
        "{:<14} {:>6} {:>6} {:>6}  worst",
        "category", "low", "medium", "high"
    )?;
    for (c, s) in &v.categories {
        writeln!(
            out,
            "{:<14} {:>6} {:>6} {:>6}  {}",
            c.name(),
            s.low,
            s.medium,
            s.high,
            s.max_severity.name()
        )?;
    }
    let failing: Vec<_> = v
        .findings
        .iter()
        .filter(|f| f.severity >= policy::FAIL_AT)
        .collect();
    if !failing.is_empty() {
        writeln!(out, "\nfindings at {} or above:", policy::FAIL_AT.name())?;
        for f in failing.iter().take(50) {
            writeln!(
                out,
                "  line {}: {} {} ({:.3}) [{}{}]: {}",
                f.line,
                f.category,
                f.severity.name(),
                f.score,
                f.role,
                f.message_index
                    .map(|i| format!(" #{i}"))
                    .unwrap_or_default(),
                f.excerpt.replace(['\n', '\r'], " ")
            )?;
        }
        if failing.len() > 50 {
            writeln!(
                out,
                "  … and {} more (use --json for all)",
                failing.len() - 50
            )?;
        }
    }
    if !v.diagnostics.is_empty() {
        writeln!(
            out,
            "\nformat diagnostics ({} errors, {} warnings):",
            v.errors, v.warnings
        )?;
        for d in v.diagnostics.iter().take(50) {
            writeln!(out, "  {d}")?;
        }
    }
    let r = &v.receipt;
    writeln!(
        out,
        "\nreceipt: sha256 {} · {} bytes · model {} {} · policy {}",
        r.sha256, r.bytes, r.model_name, r.model_version, r.policy_version
    )
}

#[derive(Deserialize)]
struct TextLine {
    text: String,
}

/// Calls `f` with the text of each `{"text": ...}` line, streaming; a bad
/// line is an error naming the line.
fn for_each_text(
    input: Box<dyn BufRead>,
    mut f: impl FnMut(String) -> Result<(), Fail>,
) -> Result<(), Fail> {
    for (i, line) in input.lines().enumerate() {
        let line = line?;
        if line.trim().is_empty() {
            continue;
        }
        let t: TextLine = serde_json::from_str(&line).map_err(|e| {
            Fail::Error(format!(
                "line {}: expected {{\"text\": \"...\"}}: {e}",
                i + 1
            ))
        })?;
        f(t.text)?;
    }
    Ok(())
}

fn open_input(path: Option<&str>) -> Result<Box<dyn BufRead>, Fail> {
    Ok(match path {
        None | Some("-") => Box::new(io::BufReader::new(io::stdin())),
        Some(p) => Box::new(io::BufReader::new(
            std::fs::File::open(p).map_err(|e| Fail::Error(format!("cannot read {p}: {e}")))?,
        )),
    })
}

fn score(args: &[String]) -> Result<u8, Fail> {
    let a = parse_args(args, &["--model"], &[])?;
    let clf = match a.value("--model") {
        // Scoring with another model is for experiments; `check` always uses
        // the pinned one.
        Some(p) => Classifier::from_bytes(
            &std::fs::read(p).map_err(|e| Fail::Error(format!("cannot read {p}: {e}")))?,
        )?,
        None => shipped_classifier()?,
    };
    let mut texts = Vec::new();
    for_each_text(open_input(a.positional.first().copied())?, |t| {
        texts.push(t);
        Ok(())
    })?;
    let out = io::stdout();
    let mut out = BufWriter::new(out.lock());
    for chunk in texts.chunks(1024) {
        for s in clf.score_texts(chunk)? {
            serde_json::to_writer(&mut out, &ScoreRecord::from(&s))?;
            writeln!(out)?;
        }
    }
    out.flush()?;
    Ok(0)
}

fn featurize(args: &[String]) -> Result<u8, Fail> {
    let a = parse_args(args, &["--buckets"], &["--feature-version"])?;
    if a.has("--feature-version") {
        // The training pipeline writes this into the model's metadata.
        println!("{}", ftgate::features::FEATURE_VERSION);
        return Ok(0);
    }
    let buckets: u32 = match a.value("--buckets") {
        Some(b) => b.parse().ok().filter(|b| *b > 0).ok_or_else(|| {
            Fail::Error(format!(
                "--buckets: expected a positive integer, found `{b}`"
            ))
        })?,
        None => 1 << 17,
    };
    let f = Featurizer::new(buckets);
    let input = open_input(a.positional.first().copied())?;
    let out = io::stdout();
    let mut out = BufWriter::new(out.lock());
    for_each_text(input, |text| {
        out.write_all(b"{\"windows\":[")?;
        for (k, w) in f.windows(&text).iter().enumerate() {
            if k > 0 {
                out.write_all(b",")?;
            }
            out.write_all(b"{\"ids\":")?;
            serde_json::to_writer(&mut out, &w.ids)?;
            out.write_all(b",\"weights\":")?;
            serde_json::to_writer(&mut out, &w.weights)?;
            out.write_all(b"}")?;
        }
        out.write_all(b"]}\n")?;
        Ok(())
    })?;
    out.flush()?;
    Ok(0)
}

fn info() -> Result<u8, Fail> {
    let clf = shipped_classifier()?;
    let info = serde_json::json!({
        "ftgateVersion": env!("CARGO_PKG_VERSION"),
        "policyVersion": policy::POLICY_VERSION,
        "failAt": policy::FAIL_AT.name(),
        "modelSha256": clf.sha256(),
        "model": clf.meta(),
    });
    println!("{}", serde_json::to_string_pretty(&info)?);
    Ok(0)
}
