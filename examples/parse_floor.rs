//! The floor for whole-file throughput (`make bench`): read a JSONL file in
//! 1 MiB chunks, split lines and parse each with
//! `serde_json::from_str::<serde_json::Value>`, nothing else. Prints one JSON
//! line: bytes, lines, parsed, seconds.
//!
//!     cargo build --profile fast --example parse_floor
//!     target/fast/examples/parse_floor bench/out/10mb.jsonl

use std::io::Read;
use std::time::Instant;

fn main() {
    let path = std::env::args()
        .nth(1)
        .expect("usage: parse_floor FILE.jsonl");
    let t0 = Instant::now();
    let mut file = std::fs::File::open(&path).expect("open the file");
    let mut buf = vec![0u8; 1 << 20];
    let mut carry: Vec<u8> = Vec::new();
    let (mut bytes, mut lines, mut parsed) = (0u64, 0u64, 0u64);
    let mut parse = |line: &[u8]| {
        lines += 1;
        let ok = std::str::from_utf8(line)
            .ok()
            .and_then(|t| serde_json::from_str::<serde_json::Value>(t).ok());
        parsed += u64::from(std::hint::black_box(ok).is_some());
    };
    loop {
        let n = file.read(&mut buf).expect("read the file");
        if n == 0 {
            break;
        }
        bytes += n as u64;
        let mut chunk = &buf[..n];
        while let Some(i) = chunk.iter().position(|&b| b == b'\n') {
            if carry.is_empty() {
                parse(&chunk[..i]);
            } else {
                carry.extend_from_slice(&chunk[..i]);
                parse(&carry);
                carry.clear();
            }
            chunk = &chunk[i + 1..];
        }
        carry.extend_from_slice(chunk);
    }
    if !carry.is_empty() {
        parse(&carry);
    }
    let seconds = t0.elapsed().as_secs_f64();
    println!(
        "{{\"bytes\":{bytes},\"lines\":{lines},\"parsed\":{parsed},\"seconds\":{seconds:.4}}}"
    );
}
