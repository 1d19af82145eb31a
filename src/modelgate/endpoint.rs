//! The shape of a chat-completions call, shared by the CLI and the browser
//! so both talk to an endpoint the same way: URL, auth header, body,
//! response parsing and the retry rule. No I/O here; the shells send.
//!
//! Two dialects: OpenAI-compatible (`{base}/chat/completions`, bearer key,
//! model in the body) and Azure OpenAI
//! (`{endpoint}/openai/deployments/{deployment}/chat/completions?api-version=V`,
//! `api-key` header). The key itself never enters this module: shells put
//! it in the header named by [`Endpoint::auth_header`].

use crate::modelgate::ChatMessage;
use serde::{Deserialize, Serialize};
use std::fmt;

/// Answers larger than this are refused (a runaway or hostile endpoint must
/// not exhaust memory).
pub const MAX_RESPONSE_BYTES: usize = 2 * 1024 * 1024;
pub const DEFAULT_TIMEOUT_MS: u64 = 60_000;
pub const DEFAULT_CONCURRENCY: usize = 4;
/// Attempts per request (the first try plus retries).
pub const MAX_ATTEMPTS: u32 = 4;
const BASE_DELAY_MS: u64 = 500;
/// Longest wait between attempts, also the cap on a `Retry-After`.
pub const MAX_DELAY_MS: u64 = 30_000;
/// Tokens asked for per answer.
const MAX_TOKENS: u32 = 400;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Dialect {
    #[default]
    Openai,
    Azure,
}

/// Where to send the conversations.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Endpoint {
    #[serde(default)]
    pub dialect: Dialect,
    /// OpenAI: the base URL (`https://host/v1`; a full
    /// `…/chat/completions` URL is taken as is). Azure: the resource
    /// endpoint (`https://NAME.openai.azure.com`).
    pub url: String,
    /// OpenAI: the model name. Azure: the deployment name.
    pub model: String,
    /// Azure only.
    #[serde(default)]
    pub api_version: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EndpointError {
    Config(String),
    Response(String),
}

impl fmt::Display for EndpointError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            EndpointError::Config(m) => write!(f, "endpoint settings: {m}"),
            EndpointError::Response(m) => write!(f, "endpoint response: {m}"),
        }
    }
}

impl std::error::Error for EndpointError {}

fn safe_path_part(s: &str) -> bool {
    !s.is_empty()
        && s.bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'))
}

/// The parts of one HTTP request (the shell adds the key).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RequestSpec {
    pub url: String,
    pub auth_header: &'static str,
    /// Goes before the key in the auth header (`"Bearer "` or nothing).
    pub auth_prefix: &'static str,
    pub body: String,
}

impl Endpoint {
    /// Checks the settings; the message says what was expected.
    pub fn validate(&self) -> Result<(), EndpointError> {
        let u = self.url.trim();
        if !(u.starts_with("http://") || u.starts_with("https://")) {
            return Err(EndpointError::Config(format!(
                "expected an http:// or https:// URL, found {:?}",
                self.url
            )));
        }
        if u.contains(['?', '#', ' ']) && self.dialect == Dialect::Azure {
            return Err(EndpointError::Config(
                "expected the Azure resource endpoint without query or fragment, e.g. https://NAME.openai.azure.com".into(),
            ));
        }
        match self.dialect {
            Dialect::Openai => {
                if self.model.trim().is_empty() {
                    return Err(EndpointError::Config("expected a model name".into()));
                }
            }
            Dialect::Azure => {
                if !safe_path_part(&self.model) {
                    return Err(EndpointError::Config(format!(
                        "expected a deployment name of letters, digits, '-', '_' or '.', found {:?}",
                        self.model
                    )));
                }
                match &self.api_version {
                    Some(v) if safe_path_part(v) => {}
                    other => {
                        return Err(EndpointError::Config(format!(
                            "expected an api-version such as 2024-10-21 for Azure, found {other:?}"
                        )))
                    }
                }
            }
        }
        Ok(())
    }

    pub fn url(&self) -> String {
        let base = self.url.trim().trim_end_matches('/');
        match self.dialect {
            Dialect::Openai if base.ends_with("/chat/completions") => base.to_string(),
            Dialect::Openai => format!("{base}/chat/completions"),
            Dialect::Azure => format!(
                "{base}/openai/deployments/{}/chat/completions?api-version={}",
                self.model,
                self.api_version.as_deref().unwrap_or_default()
            ),
        }
    }

    /// Header that carries the key: `Authorization` (value `Bearer KEY`) or
    /// Azure's `api-key` (value `KEY`).
    pub fn auth_header(&self) -> &'static str {
        match self.dialect {
            Dialect::Openai => "Authorization",
            Dialect::Azure => "api-key",
        }
    }

    pub fn auth_prefix(&self) -> &'static str {
        match self.dialect {
            Dialect::Openai => "Bearer ",
            Dialect::Azure => "",
        }
    }

    pub fn auth_value(&self, key: &str) -> String {
        format!("{}{key}", self.auth_prefix())
    }

    /// JSON body of a chat-completions request. Temperature 0: the gate
    /// wants the model's most likely answer, and repeatable runs.
    pub fn body(&self, messages: &[ChatMessage]) -> String {
        #[derive(Serialize)]
        struct Body<'a> {
            #[serde(skip_serializing_if = "Option::is_none")]
            model: Option<&'a str>,
            messages: &'a [ChatMessage],
            max_tokens: u32,
            temperature: f32,
        }
        let model = match self.dialect {
            Dialect::Openai => Some(self.model.as_str()),
            Dialect::Azure => None,
        };
        serde_json::to_string(&Body {
            model,
            messages,
            max_tokens: MAX_TOKENS,
            temperature: 0.0,
        })
        .expect("serialising plain strings cannot fail")
    }

    pub fn request(&self, messages: &[ChatMessage]) -> Result<RequestSpec, EndpointError> {
        self.validate()?;
        Ok(RequestSpec {
            url: self.url(),
            auth_header: self.auth_header(),
            auth_prefix: self.auth_prefix(),
            body: self.body(messages),
        })
    }
}

/// The answer text of a chat-completions response body.
pub fn parse_completion(body: &[u8]) -> Result<String, EndpointError> {
    let bad = |m: String| Err(EndpointError::Response(m));
    if body.len() > MAX_RESPONSE_BYTES {
        return bad(format!(
            "expected at most {MAX_RESPONSE_BYTES} bytes, found {}",
            body.len()
        ));
    }
    let v: serde_json::Value = match serde_json::from_slice(body) {
        Ok(v) => v,
        Err(e) => {
            let start: String = String::from_utf8_lossy(&body[..body.len().min(60)]).into();
            return bad(format!("expected JSON, found {start:?}… ({e})"));
        }
    };
    if let Some(err) = v.get("error") {
        let msg = err
            .get("message")
            .and_then(|m| m.as_str())
            .unwrap_or("no message");
        return bad(format!("the endpoint returned an error: {msg}"));
    }
    let Some(message) = v.pointer("/choices/0/message") else {
        return bad("expected choices[0].message in the response".into());
    };
    match message.get("content") {
        Some(serde_json::Value::String(s)) => Ok(s.clone()),
        // Some servers send content as an array of typed parts.
        Some(serde_json::Value::Array(parts)) => Ok(parts
            .iter()
            .filter_map(|p| p.get("text").and_then(|t| t.as_str()))
            .collect::<Vec<_>>()
            .join("")),
        // A missing content (e.g. filtered by the provider) is an empty
        // answer; a refusal field is the answer.
        _ => match message.get("refusal").and_then(|r| r.as_str()) {
            Some(r) => Ok(r.to_string()),
            None => bad("expected choices[0].message.content to be text".into()),
        },
    }
}

/// Whether an HTTP status is worth retrying (rate limit, overload, gateway).
pub fn retryable_status(status: u16) -> bool {
    matches!(status, 408 | 429 | 500 | 502 | 503 | 504)
}

/// Milliseconds to wait before attempt `attempt + 1` (attempts count from
/// 1), or `None` to give up. A `Retry-After` of delta-seconds is honoured
/// (capped at [`MAX_DELAY_MS`]); otherwise exponential backoff.
pub fn retry_delay_ms(attempt: u32, retry_after: Option<&str>) -> Option<u64> {
    if attempt >= MAX_ATTEMPTS {
        return None;
    }
    if let Some(secs) = retry_after.and_then(|v| v.trim().parse::<f64>().ok()) {
        if secs.is_finite() && secs >= 0.0 {
            return Some(((secs * 1000.0) as u64).min(MAX_DELAY_MS));
        }
    }
    Some((BASE_DELAY_MS << (attempt.saturating_sub(1)).min(10)).min(MAX_DELAY_MS))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn openai() -> Endpoint {
        Endpoint {
            dialect: Dialect::Openai,
            url: "http://127.0.0.1:8081/v1/".into(),
            model: "m".into(),
            api_version: None,
        }
    }

    #[test]
    fn openai_shape() {
        let e = openai();
        assert_eq!(e.url(), "http://127.0.0.1:8081/v1/chat/completions");
        assert_eq!(e.auth_header(), "Authorization");
        assert_eq!(e.auth_value("k"), "Bearer k");
        let body: serde_json::Value =
            serde_json::from_str(&e.body(&[ChatMessage::user("hi")])).unwrap();
        assert_eq!(body["model"], "m");
        assert_eq!(body["messages"][0]["content"], "hi");
        let full = Endpoint {
            url: "https://x/v1/chat/completions".into(),
            ..openai()
        };
        assert_eq!(full.url(), "https://x/v1/chat/completions");
    }

    #[test]
    fn azure_shape() {
        let e = Endpoint {
            dialect: Dialect::Azure,
            url: "https://res.openai.azure.com/".into(),
            model: "my-deploy".into(),
            api_version: Some("2024-10-21".into()),
        };
        e.validate().unwrap();
        assert_eq!(
            e.url(),
            "https://res.openai.azure.com/openai/deployments/my-deploy/chat/completions?api-version=2024-10-21"
        );
        assert_eq!(e.auth_header(), "api-key");
        assert_eq!(e.auth_value("k"), "k");
        let body: serde_json::Value = serde_json::from_str(&e.body(&[])).unwrap();
        assert!(body.get("model").is_none());
        let bad = Endpoint {
            model: "a/b".into(),
            ..e.clone()
        };
        assert!(bad
            .validate()
            .unwrap_err()
            .to_string()
            .contains("deployment"));
        let nover = Endpoint {
            api_version: None,
            ..e
        };
        assert!(nover
            .validate()
            .unwrap_err()
            .to_string()
            .contains("api-version"));
    }

    #[test]
    fn bad_urls_are_refused() {
        let e = Endpoint {
            url: "ftp://x".into(),
            ..openai()
        };
        assert!(e.validate().unwrap_err().to_string().contains("http://"));
    }

    #[test]
    fn parses_answers_and_names_bad_responses() {
        let ok = br#"{"choices":[{"message":{"role":"assistant","content":"hello"}}]}"#;
        assert_eq!(parse_completion(ok).unwrap(), "hello");
        let parts = br#"{"choices":[{"message":{"content":[{"type":"text","text":"a"},{"type":"text","text":"b"}]}}]}"#;
        assert_eq!(parse_completion(parts).unwrap(), "ab");
        let e = parse_completion(b"<html>oops").unwrap_err().to_string();
        assert!(e.contains("expected JSON"), "{e}");
        let e = parse_completion(br#"{"error":{"message":"quota"}}"#)
            .unwrap_err()
            .to_string();
        assert!(e.contains("quota"), "{e}");
        let e = parse_completion(br#"{"choices":[]}"#)
            .unwrap_err()
            .to_string();
        assert!(e.contains("choices[0]"), "{e}");
        let big = vec![b' '; MAX_RESPONSE_BYTES + 1];
        assert!(parse_completion(&big)
            .unwrap_err()
            .to_string()
            .contains("at most"));
    }

    #[test]
    fn retry_rule() {
        assert!(retryable_status(429) && retryable_status(503) && !retryable_status(400));
        assert_eq!(retry_delay_ms(1, Some("2")), Some(2000));
        assert_eq!(retry_delay_ms(1, Some("9999")), Some(MAX_DELAY_MS));
        assert_eq!(retry_delay_ms(1, None), Some(500));
        assert_eq!(retry_delay_ms(3, None), Some(2000));
        assert_eq!(retry_delay_ms(MAX_ATTEMPTS, Some("1")), None);
        // An HTTP-date Retry-After falls back to backoff.
        assert_eq!(
            retry_delay_ms(2, Some("Wed, 21 Oct 2015 07:28:00 GMT")),
            Some(1000)
        );
    }
}
