//! CLI glue (binary only, not part of the core): `ftgate check` on a file,
//! on one thread or on several. With several, the file is cut into nominal
//! byte ranges, each checked as a [`Part`] on its own thread with its own
//! file handle (seek, then 1 MiB reads: memory stays flat whatever the file
//! size), while one more thread hashes the whole file in one sequential
//! pass; the parts are merged in file order into the verdict one thread
//! gives (see `src/check.rs` for the line-ownership rule).

use ftgate::check::{merge, nominal_ranges, Part, PartialCheck, WholeFile};
use ftgate::{Check, Classifier, Verdict};
use sha2::{Digest, Sha256};
use std::fs::File;
use std::io::{self, Read, Seek, SeekFrom};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

/// Read size: large enough to amortise syscalls, small enough to keep
/// memory flat.
const CHUNK: usize = 1 << 20;
/// Parts per thread: more parts than threads so a thread that drew an
/// expensive range (long or harmful texts) does not hold up the others.
const PARTS_PER_THREAD: u64 = 4;
/// Smallest part worth its own model batches.
const MIN_PART_BYTES: u64 = 1 << 20;

/// Reads `file` from its current position in [`CHUNK`] pieces until `f`
/// says stop (returns false) or the file ends.
fn read_chunks(
    file: &mut File,
    path: &str,
    mut f: impl FnMut(&[u8]) -> Result<bool, String>,
) -> Result<(), String> {
    let mut buf = vec![0u8; CHUNK];
    loop {
        let n = match file.read(&mut buf) {
            Ok(0) => return Ok(()),
            Ok(n) => n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(format!("cannot read {path}: {e}")),
        };
        if !f(&buf[..n])? {
            return Ok(());
        }
    }
}

fn open(path: &str) -> Result<File, String> {
    File::open(path).map_err(|e| format!("cannot read {path}: {e}"))
}

/// Checks the file at `path` with `threads` threads (1: the single-pass
/// [`Check`]); the verdict is the same for any number.
pub fn check_file(path: &str, threads: usize, clf: &Classifier) -> Result<Verdict, String> {
    let mut file = open(path)?;
    if threads <= 1 {
        let mut check = Check::new();
        read_chunks(&mut file, path, |chunk| {
            check.feed(clf, chunk).map_err(|e| e.to_string())?;
            Ok(true)
        })?;
        return check.finish(clf).map_err(|e| e.to_string());
    }
    let len = file
        .metadata()
        .map_err(|e| format!("cannot read {path}: {e}"))?
        .len();
    let n_parts = (len / MIN_PART_BYTES).clamp(threads as u64, threads as u64 * PARTS_PER_THREAD);
    let ranges = nominal_ranges(len, n_parts as usize);
    let next = AtomicUsize::new(0);
    let results: Vec<Mutex<Option<PartialCheck>>> =
        ranges.iter().map(|_| Mutex::new(None)).collect();
    let check_part = |(start, end): (u64, u64)| -> Result<PartialCheck, String> {
        let mut file = open(path)?;
        file.seek(SeekFrom::Start(start))
            .map_err(|e| format!("cannot read {path}: {e}"))?;
        let mut part = Part::new(start, end);
        read_chunks(&mut file, path, |chunk| {
            part.feed(clf, chunk).map_err(|e| e.to_string())?;
            Ok(!part.is_done())
        })?;
        part.finish(clf).map_err(|e| e.to_string())
    };
    let sha256 = std::thread::scope(|s| {
        let hasher = s.spawn(|| -> Result<(String, u64), String> {
            let mut file = open(path)?;
            let mut sha = Sha256::new();
            let mut bytes = 0u64;
            read_chunks(&mut file, path, |chunk| {
                sha.update(chunk);
                bytes += chunk.len() as u64;
                Ok(true)
            })?;
            Ok((ftgate::verdict::hex(&sha.finalize()), bytes))
        });
        let workers: Vec<_> = (0..threads)
            .map(|_| {
                s.spawn(|| -> Result<(), String> {
                    loop {
                        let i = next.fetch_add(1, Ordering::Relaxed);
                        let Some(&range) = ranges.get(i) else {
                            return Ok(());
                        };
                        let p = check_part(range)?;
                        *results[i].lock().expect("no thread panics holding it") = Some(p);
                    }
                })
            })
            .collect();
        for w in workers {
            w.join()
                .map_err(|_| "a checking thread panicked".to_string())??;
        }
        let (sha256, bytes) = hasher
            .join()
            .map_err(|_| "the hashing thread panicked".to_string())??;
        if bytes != len {
            return Err(format!("{path} changed while it was being checked"));
        }
        Ok(sha256)
    })?;
    let parts = results
        .into_iter()
        .map(|m| m.into_inner().expect("no thread panics holding it"))
        .collect::<Option<Vec<_>>>()
        .expect("every part was checked");
    merge(clf, parts, &WholeFile { bytes: len, sha256 })
        .map_err(|e| format!("{path} changed while it was being checked ({e})"))
}
