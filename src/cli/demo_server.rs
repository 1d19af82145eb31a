//! `ftgate demo-endpoint`: a small OpenAI-compatible chat server whose
//! answers come from the demo personas (`ftgate::modelgate::demo`). It is the
//! "remote endpoint" of the demo and the tests: a real HTTP server on a
//! socket, CORS enabled so the page (another origin) can call it.
//!
//! Routes: `POST /v1/chat/completions` (persona by model name),
//! `POST /openai/deployments/{name}/chat/completions` (Azure shape, persona by
//! deployment name), `GET /v1/models`, `OPTIONS *` (CORS preflight).
//! It logs the request line and status only, never bodies or keys.

use crate::{parse_args, Fail};
use ftgate::modelgate::demo::{self, Persona};
use ftgate::modelgate::ChatMessage;
use serde::Deserialize;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

const MAX_HEADER_BYTES: usize = 64 * 1024;
const MAX_BODY_BYTES: usize = 1024 * 1024;

pub fn run(args: &[String]) -> Result<u8, Fail> {
    let a = parse_args(args, &["--port", "--host", "--persona"], &["--quiet"])?;
    if !a.positional.is_empty() {
        return Err(Fail::Error(
            "usage: ftgate demo-endpoint [--port 8081] [--host 127.0.0.1] [--persona safe|unsafe] [--quiet]".into(),
        ));
    }
    let port: u16 = a
        .value("--port")
        .unwrap_or("8081")
        .parse()
        .map_err(|_| Fail::Error("expected --port to be a number 0–65535".into()))?;
    let host = a.value("--host").unwrap_or("127.0.0.1");
    let default = match a.value("--persona") {
        None => Persona::Safe,
        Some(p) => Persona::from_name(p).ok_or_else(|| {
            Fail::Error(format!("expected --persona safe or unsafe, found `{p}`"))
        })?,
    };
    let quiet = a.has("--quiet");
    let listener = TcpListener::bind((host, port))
        .map_err(|e| Fail::Error(format!("cannot listen on {host}:{port}: {e}")))?;
    let addr = listener.local_addr()?;
    // Tests and `make run` read this line to learn the port.
    println!(
        "ftgate demo-endpoint: serving http://{addr}/v1 (models: {}; default persona {})",
        Persona::MODEL_NAMES.join(", "),
        default.name()
    );
    std::io::stdout().flush()?;
    let counter = AtomicU64::new(0);
    std::thread::scope(|s| {
        for stream in listener.incoming() {
            let Ok(stream) = stream else { continue };
            let counter = &counter;
            s.spawn(move || {
                let _ = serve_connection(stream, default, quiet, counter);
            });
        }
    });
    Ok(0)
}

struct Request {
    method: String,
    path: String,
    body: Vec<u8>,
}

/// Reads one request; `Ok(None)` when the client closed the connection.
fn read_request(r: &mut BufReader<TcpStream>) -> Result<Option<Request>, String> {
    let mut head = Vec::new();
    loop {
        let mut line = Vec::new();
        let n = r
            .by_ref()
            .take((MAX_HEADER_BYTES + 1 - head.len().min(MAX_HEADER_BYTES)) as u64)
            .read_until(b'\n', &mut line)
            .map_err(|e| e.to_string())?;
        if n == 0 {
            return if head.is_empty() {
                Ok(None)
            } else {
                Err("connection closed mid-request".into())
            };
        }
        head.extend_from_slice(&line);
        if head.len() > MAX_HEADER_BYTES {
            return Err("request head too large".into());
        }
        if line == b"\r\n" || line == b"\n" {
            break;
        }
    }
    let head = String::from_utf8_lossy(&head);
    let mut lines = head.lines();
    let mut first = lines.next().unwrap_or_default().split_whitespace();
    let method = first.next().unwrap_or_default().to_string();
    let path = first.next().unwrap_or_default().to_string();
    let mut len = 0usize;
    for l in lines {
        if let Some((k, v)) = l.split_once(':') {
            if k.trim().eq_ignore_ascii_case("content-length") {
                len = v.trim().parse().map_err(|_| "bad Content-Length")?;
            }
        }
    }
    if len > MAX_BODY_BYTES {
        return Err(format!("body over {MAX_BODY_BYTES} bytes"));
    }
    let mut body = vec![0; len];
    r.read_exact(&mut body).map_err(|e| e.to_string())?;
    Ok(Some(Request { method, path, body }))
}

fn respond(w: &mut TcpStream, status: u16, reason: &str, body: &str) -> std::io::Result<()> {
    // One write per response: small separate writes meet Nagle's algorithm
    // and delayed ACKs (~40 ms stalls per request on keep-alive).
    let mut out = Vec::with_capacity(body.len() + 400);
    write!(
        out,
        "HTTP/1.1 {status} {reason}\r\n\
         Content-Type: application/json\r\n\
         Content-Length: {}\r\n\
         Access-Control-Allow-Origin: *\r\n\
         Access-Control-Allow-Methods: GET, POST, OPTIONS\r\n\
         Access-Control-Allow-Headers: authorization, api-key, content-type\r\n\
         Access-Control-Expose-Headers: Retry-After\r\n\
         Access-Control-Max-Age: 600\r\n\
         Cache-Control: no-store\r\n\
         \r\n{body}",
        body.len()
    )?;
    w.write_all(&out)?;
    w.flush()
}

fn error_body(message: &str) -> String {
    serde_json::json!({ "error": { "message": message, "type": "invalid_request_error" } })
        .to_string()
}

#[derive(Deserialize)]
struct ChatRequest {
    #[serde(default)]
    model: Option<String>,
    messages: Vec<ChatMessage>,
}

fn serve_connection(
    stream: TcpStream,
    default: Persona,
    quiet: bool,
    counter: &AtomicU64,
) -> std::io::Result<()> {
    stream.set_read_timeout(Some(Duration::from_secs(30)))?;
    stream.set_nodelay(true)?;
    let mut w = stream.try_clone()?;
    let mut r = BufReader::new(stream);
    loop {
        let req = match read_request(&mut r) {
            Ok(Some(req)) => req,
            Ok(None) => return Ok(()),
            Err(e) => return respond(&mut w, 400, "Bad Request", &error_body(&e)),
        };
        let (status, reason, body) = handle(&req, default, counter);
        if !quiet {
            eprintln!("{} {} {status}", req.method, req.path);
        }
        respond(&mut w, status, reason, &body)?;
    }
}

fn handle(req: &Request, default: Persona, counter: &AtomicU64) -> (u16, &'static str, String) {
    let path = req.path.split('?').next().unwrap_or_default();
    match (req.method.as_str(), path) {
        ("OPTIONS", _) => (204, "No Content", String::new()),
        ("GET", "/v1/models" | "/models") => {
            let data: Vec<_> = Persona::MODEL_NAMES
                .iter()
                .map(|id| serde_json::json!({ "id": id, "object": "model", "owned_by": "ftgate-demo" }))
                .collect();
            (
                200,
                "OK",
                serde_json::json!({ "object": "list", "data": data }).to_string(),
            )
        }
        ("POST", p) if p.ends_with("/chat/completions") => {
            let chat: ChatRequest = match serde_json::from_slice(&req.body) {
                Ok(c) => c,
                Err(e) => {
                    return (
                        400,
                        "Bad Request",
                        error_body(&format!("expected a chat-completions JSON body: {e}")),
                    )
                }
            };
            // Azure names the deployment in the path; OpenAI the model in the body.
            let name = p
                .strip_prefix("/openai/deployments/")
                .and_then(|rest| rest.split('/').next())
                .map(str::to_string)
                .or(chat.model)
                .unwrap_or_default();
            let persona = Persona::from_model_name(&name).unwrap_or(default);
            let answer = demo::reply(persona, &chat.messages);
            let n = counter.fetch_add(1, Ordering::Relaxed);
            let body = serde_json::json!({
                "id": format!("chatcmpl-ftgate-demo-{n}"),
                "object": "chat.completion",
                "created": 0,
                "model": if name.is_empty() { format!("ftgate-demo-{}", persona.name()) } else { name },
                "choices": [{
                    "index": 0,
                    "message": { "role": "assistant", "content": answer },
                    "finish_reason": "stop"
                }]
            });
            (200, "OK", body.to_string())
        }
        _ => (
            404,
            "Not Found",
            error_body("expected POST /v1/chat/completions or GET /v1/models"),
        ),
    }
}
