//! Reading untrusted files in a worker process, the way browsers and mail clients isolate their
//! parsers: each file is read by a fresh copy of the running program, started with
//! [`WORKER_ARGUMENT`], under limits on its address space and CPU time, and stopped when it runs
//! past the time budget. A file that crashes the reader, exhausts its memory or loops is reported
//! on its own; the batch and the app go on.
//!
//! The readers' own caps (what a file may expand to, how deep HTML may nest) give each known
//! kind of bomb its own message; the worker's limits catch whatever no cap foresaw.
//!
//! A program opts in by calling [`isolate_readers`] first thing in `main`: the CLI and the app
//! do. Without it (the library's own tests and benchmarks) files are read in this process.

use crate::import::ImportError;
use parallax_core::ingest::{self, Document, IngestError, MAX_FILE_BYTES};
use rustix::process::Signal;
use std::ffi::OsStr;
use std::io::{Read, Write};
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

/// The first argument that makes the program a reader of one file: the file's name follows,
/// its bytes come on standard input, the result leaves as JSON on standard output.
pub const WORKER_ARGUMENT: &str = "--parallax-read-file";

/// A worker's exit code when its input or output pipe failed.
const EXIT_BROKEN_PIPE: i32 = 3;

/// A worker's exit code when the file's bytes did not fit in its memory.
const EXIT_OUT_OF_MEMORY: i32 = 4;

/// The program that reads files, once [`isolate_readers`] named it.
static WORKER: OnceLock<PathBuf> = OnceLock::new();

/// The limits a worker runs under.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReaderLimits {
    /// Wall-clock and CPU time for one file.
    pub seconds: u64,
    /// Address space of the worker, in MiB.
    pub megabytes: u64,
}

impl ReaderLimits {
    /// One minute and 2 GiB: a real 50 MB PDF reads in seconds and a fraction of that memory.
    /// `PARALLAX_READ_SECONDS` and `PARALLAX_READ_MEMORY_MB` change them (slow machines, tests).
    pub fn from_env() -> ReaderLimits {
        let var = |name: &str, default: u64| {
            std::env::var(name)
                .ok()
                .and_then(|v| v.parse().ok())
                .filter(|&v| v > 0)
                .unwrap_or(default)
        };
        ReaderLimits {
            seconds: var("PARALLAX_READ_SECONDS", 60),
            megabytes: var("PARALLAX_READ_MEMORY_MB", 2048),
        }
    }
}

/// Call first in `main`. In a worker (started with [`WORKER_ARGUMENT`]) this reads the one file
/// and exits; otherwise it records this program as the reader of every file imported from now on.
pub fn isolate_readers() {
    let mut args = std::env::args_os().skip(1);
    if args.next().as_deref() == Some(OsStr::new(WORKER_ARGUMENT)) {
        let name = args.next().unwrap_or_default();
        std::process::exit(serve(&name.to_string_lossy()));
    }
    match std::env::current_exe() {
        Ok(program) => {
            let _ = WORKER.set(program);
        }
        Err(error) => tracing::warn!(%error, "files will be read in this process"),
    }
}

/// Reads one file's bytes into a document: in a worker when [`isolate_readers`] was called, here
/// otherwise.
pub(crate) fn read(name: &str, bytes: &[u8]) -> Result<Document, ImportError> {
    match WORKER.get() {
        Some(program) => read_in_worker(program, name, bytes, ReaderLimits::from_env()),
        None => Ok(ingest::ingest(name, bytes)?),
    }
}

/// The worker's side: limits first, then the file, then the answer.
fn serve(name: &str) -> i32 {
    let limits = ReaderLimits::from_env();
    limit_this_process(limits);
    let mut bytes = Vec::new();
    if let Err(error) = std::io::stdin()
        .take(MAX_FILE_BYTES as u64 + 1)
        .read_to_end(&mut bytes)
    {
        return match error.kind() {
            std::io::ErrorKind::OutOfMemory => EXIT_OUT_OF_MEMORY,
            _ => EXIT_BROKEN_PIPE,
        };
    }
    let result: Result<Document, IngestError> = ingest::ingest(name, &bytes);
    drop(bytes);
    let mut out = std::io::stdout().lock();
    let written = serde_json::to_writer(&mut out, &result).map_err(std::io::Error::from);
    match written.and_then(|()| out.flush()) {
        Ok(()) => 0,
        Err(_) => EXIT_BROKEN_PIPE,
    }
}

/// Caps this process's address space and CPU time, and ties its life to its parent's.
fn limit_this_process(limits: ReaderLimits) {
    use rustix::process::{getrlimit, setrlimit, Resource};
    let lower = |resource, value: u64| {
        let mut limit = getrlimit(resource);
        let value = limit.maximum.map_or(value, |maximum| maximum.min(value));
        limit.current = Some(limit.current.map_or(value, |current| current.min(value)));
        if let Err(error) = setrlimit(resource, limit) {
            eprintln!("cannot limit the reader's {resource:?}: {error}");
        }
    };
    lower(Resource::As, limits.megabytes.saturating_mul(1024 * 1024));
    lower(Resource::Cpu, limits.seconds);
    // A worker whose importer was killed stops too instead of reading on for nobody.
    let _ = rustix::process::set_parent_process_death_signal(Some(Signal::KILL));
}

/// The importer's side: start a worker, hand it the bytes, wait within the budget, read the answer.
fn read_in_worker(
    program: &PathBuf,
    name: &str,
    bytes: &[u8],
    limits: ReaderLimits,
) -> Result<Document, ImportError> {
    let mut child = Command::new(program)
        .arg(WORKER_ARGUMENT)
        .arg(name)
        .env("PARALLAX_READ_SECONDS", limits.seconds.to_string())
        .env("PARALLAX_READ_MEMORY_MB", limits.megabytes.to_string())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| ImportError::Unreadable(format!("cannot start the file reader: {e}")))?;
    let (mut stdin, mut stdout, mut stderr) = (
        child.stdin.take().expect("piped"),
        child.stdout.take().expect("piped"),
        child.stderr.take().expect("piped"),
    );
    let deadline = Instant::now() + Duration::from_secs(limits.seconds);
    let (status, answer, complaint, timed_out) = std::thread::scope(|scope| {
        // The worker reads all its input before it writes, but a worker that dies early must not
        // leave this side blocked on a full pipe: each stream has its own thread.
        scope.spawn(move || {
            let _ = stdin.write_all(bytes);
        });
        let answer = scope.spawn(move || {
            let mut answer = Vec::new();
            let _ = stdout.read_to_end(&mut answer);
            answer
        });
        let complaint = scope.spawn(move || {
            let mut complaint = Vec::new();
            let _ = (&mut stderr).take(64 * 1024).read_to_end(&mut complaint);
            complaint
        });
        let mut timed_out = false;
        let status = loop {
            match child.try_wait() {
                Ok(Some(status)) => break Some(status),
                Ok(None) if Instant::now() >= deadline => {
                    timed_out = true;
                    let _ = child.kill();
                    break child.wait().ok();
                }
                Ok(None) => std::thread::sleep(Duration::from_millis(5)),
                Err(_) => break None,
            }
        };
        (
            status,
            answer.join().unwrap_or_default(),
            complaint.join().unwrap_or_default(),
            timed_out,
        )
    });
    if timed_out {
        return Err(ImportError::TimedOut {
            seconds: limits.seconds,
        });
    }
    if status.is_some_and(|s| s.success()) {
        if let Ok(result) = serde_json::from_slice::<Result<Document, IngestError>>(&answer) {
            return Ok(result?);
        }
    }
    use std::os::unix::process::ExitStatusExt;
    let signal = status.and_then(|s| s.signal());
    let complaint = String::from_utf8_lossy(&complaint);
    tracing::warn!(name, ?status, %complaint, "the file reader failed");
    if signal == Some(Signal::XCPU.as_raw()) {
        return Err(ImportError::TimedOut {
            seconds: limits.seconds,
        });
    }
    // Rust reports a failed allocation, then aborts; the kernel's out-of-memory killer sends
    // SIGKILL.
    if complaint.contains("memory allocation of")
        || complaint.contains("capacity overflow")
        || signal == Some(Signal::KILL.as_raw())
        || status.and_then(|s| s.code()) == Some(EXIT_OUT_OF_MEMORY)
    {
        return Err(ImportError::OutOfMemory {
            megabytes: limits.megabytes,
        });
    }
    Err(ImportError::ReaderFailed)
}
