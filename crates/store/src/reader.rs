//! Reading untrusted files in worker processes, the way browsers and mail clients isolate their
//! parsers: files are read by copies of the running program, started with [`WORKER_ARGUMENT`],
//! under a limit on their address space, and each file must be read within the time budget or
//! its worker is killed. A file that crashes the reader, exhausts its memory or loops is
//! reported on its own; the batch and the app go on.
//!
//! Each parsing thread of an import keeps one worker for the files it reads (starting a process
//! per file cost 30–100 ms in a debug build: the app's binary links the whole web view), and
//! starts a new one after a failure. The readers' own caps (what a file may expand to, how deep
//! HTML may nest) give each known kind of bomb its own message; the worker's limits catch
//! whatever no cap foresaw.
//!
//! A program opts in by calling [`isolate_readers`] first thing in `main`: the CLI and the app
//! do. Without it (the library's own tests and benchmarks) files are read in this process.
//!
//! The pipe protocol: a request is the file name's length (u32, little-endian), the name, the
//! bytes' length (u64) and the bytes; the answer is its length (u64) and a JSON
//! `Result<Document, IngestError>`. The worker reads the next request until its input closes.

use crate::import::ImportError;
use parallax_core::ingest::{self, Document, IngestError, MAX_FILE_BYTES};
use std::ffi::OsStr;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, Command, ExitStatus, Stdio};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::sync::{Arc, Mutex, OnceLock};
use std::time::Duration;

/// The first argument that makes the program a file reader (see the module's protocol).
pub const WORKER_ARGUMENT: &str = "--parallax-read-file";

/// The program that reads files, once [`isolate_readers`] named it.
static WORKER: OnceLock<PathBuf> = OnceLock::new();

/// A worker's exit code when its input or output pipe failed.
const EXIT_BROKEN_PIPE: i32 = 3;

/// A worker's exit code when a file's bytes did not fit in its memory.
const EXIT_OUT_OF_MEMORY: i32 = 4;

/// The limits a worker runs under.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReaderLimits {
    /// Wall-clock time for one file.
    pub seconds: u64,
    /// Address space of a worker, in MiB.
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

/// Call first in `main`. In a worker (started with [`WORKER_ARGUMENT`]) this reads files until
/// its input closes, then exits; otherwise it records this program as the reader of every file
/// imported from now on.
pub fn isolate_readers() {
    if std::env::args_os().nth(1).as_deref() == Some(OsStr::new(WORKER_ARGUMENT)) {
        std::process::exit(serve());
    }
    // The limits need Linux's system calls; elsewhere files are read in this process.
    if !cfg!(target_os = "linux") {
        return;
    }
    // `/proc/self/exe` is this very program even after its file is replaced (an upgrade while
    // the app runs), where the path it was started from would start the new one.
    let this_program = Path::new("/proc/self/exe");
    let program = if this_program.exists() {
        Ok(this_program.to_path_buf())
    } else {
        std::env::current_exe()
    };
    match program {
        Ok(program) => {
            let _ = WORKER.set(program);
        }
        Err(error) => tracing::warn!(%error, "files will be read in this process"),
    }
}

/// Reads files into documents for one parsing thread: in its worker process when
/// [`isolate_readers`] was called, in this process otherwise.
#[derive(Default)]
pub(crate) struct Reader {
    worker: Option<Worker>,
}

impl Reader {
    pub(crate) fn read(&mut self, name: &str, bytes: &[u8]) -> Result<Document, ImportError> {
        let Some(program) = WORKER.get() else {
            return Ok(ingest::ingest(name, bytes)?);
        };
        let limits = ReaderLimits::from_env();
        // A worker that died while it waited (the system ran short of memory and killed it) is
        // replaced, not blamed on this file.
        if self.worker.as_mut().is_some_and(|worker| !worker.alive()) {
            self.worker = None;
        }
        let worker = match &mut self.worker {
            Some(worker) => worker,
            None => self.worker.insert(Worker::start(program, limits)?),
        };
        match worker.read(name, bytes, limits) {
            Ok(result) => Ok(result?),
            Err(stopped) => {
                // The next file gets a new worker.
                let worker = self.worker.take().expect("a worker was reading");
                Err(worker.why(stopped, limits))
            }
        }
    }
}

/// How a worker stopped answering.
enum Stopped {
    /// It ran past the time budget and was killed.
    TimedOut,
    /// It died, or its pipes broke.
    Died,
}

/// One worker process and the ends of its pipes.
struct Worker {
    child: Child,
    input: Option<ChildStdin>,
    /// Each answer as it arrives; `None` once the worker's output closed.
    answers: Receiver<Option<Vec<u8>>>,
    /// What the worker wrote to its standard error (the last 64 KB).
    complaint: Arc<Mutex<Vec<u8>>>,
}

impl Worker {
    fn start(program: &PathBuf, limits: ReaderLimits) -> Result<Worker, ImportError> {
        let mut child = Command::new(program)
            .arg(WORKER_ARGUMENT)
            .env("PARALLAX_READ_MEMORY_MB", limits.megabytes.to_string())
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .map_err(|e| ImportError::Unreadable(format!("cannot start the file reader: {e}")))?;
        let (mut output, mut errors) = (
            child.stdout.take().expect("piped"),
            child.stderr.take().expect("piped"),
        );
        let (send, answers) = mpsc::channel();
        std::thread::spawn(move || loop {
            let answer = read_frame(&mut output);
            let closed = answer.is_none();
            if send.send(answer).is_err() || closed {
                break;
            }
        });
        let complaint = Arc::new(Mutex::new(Vec::new()));
        let kept = Arc::clone(&complaint);
        std::thread::spawn(move || {
            let mut buffer = [0u8; 4096];
            while let Ok(n @ 1..) = errors.read(&mut buffer) {
                let mut kept = kept.lock().unwrap_or_else(|e| e.into_inner());
                kept.extend_from_slice(&buffer[..n]);
                let excess = kept.len().saturating_sub(64 * 1024);
                kept.drain(..excess);
            }
        });
        Ok(Worker {
            input: child.stdin.take(),
            child,
            answers,
            complaint,
        })
    }

    fn alive(&mut self) -> bool {
        matches!(self.child.try_wait(), Ok(None))
    }

    /// Hands the worker one file and waits for its answer within the budget.
    fn read(
        &mut self,
        name: &str,
        bytes: &[u8],
        limits: ReaderLimits,
    ) -> Result<Result<Document, IngestError>, Stopped> {
        // What the worker says from now on is about this file.
        self.complaint
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .clear();
        let input = self.input.as_mut().ok_or(Stopped::Died)?;
        let mut request = Vec::with_capacity(12 + name.len());
        request.extend_from_slice(&(name.len() as u32).to_le_bytes());
        request.extend_from_slice(name.as_bytes());
        request.extend_from_slice(&(bytes.len() as u64).to_le_bytes());
        // The worker reads the whole request before it works, so writing cannot deadlock; if
        // it dies meanwhile the write fails.
        input
            .write_all(&request)
            .and_then(|()| input.write_all(bytes))
            .and_then(|()| input.flush())
            .map_err(|_| Stopped::Died)?;
        match self
            .answers
            .recv_timeout(Duration::from_secs(limits.seconds))
        {
            Ok(Some(answer)) => serde_json::from_slice(&answer).map_err(|_| Stopped::Died),
            Ok(None) | Err(RecvTimeoutError::Disconnected) => Err(Stopped::Died),
            Err(RecvTimeoutError::Timeout) => Err(Stopped::TimedOut),
        }
    }

    /// Stops the worker and says why it failed the file.
    fn why(mut self, stopped: Stopped, limits: ReaderLimits) -> ImportError {
        let _ = self.child.kill();
        let status = self.child.wait().ok();
        if let Stopped::TimedOut = stopped {
            return ImportError::TimedOut {
                seconds: limits.seconds,
            };
        }
        // Let the error pipe's last words arrive.
        std::thread::sleep(Duration::from_millis(20));
        let complaint = {
            let kept = self.complaint.lock().unwrap_or_else(|e| e.into_inner());
            String::from_utf8_lossy(&kept).into_owned()
        };
        tracing::warn!(?status, %complaint, "the file reader failed");
        if ran_out_of_memory(status, &complaint) {
            return ImportError::OutOfMemory {
                megabytes: limits.megabytes,
            };
        }
        ImportError::ReaderFailed
    }
}

impl Drop for Worker {
    fn drop(&mut self) {
        // Closing its input ends the worker's loop; it is then reaped.
        drop(self.input.take());
        let _ = self.child.wait();
    }
}

/// Rust reports a failed allocation and aborts; a worker that could not take a file's bytes
/// says so with its exit code; the kernel's out-of-memory killer sends SIGKILL.
fn ran_out_of_memory(status: Option<ExitStatus>, complaint: &str) -> bool {
    complaint.contains("memory allocation of")
        || complaint.contains("capacity overflow")
        || status.and_then(|s| s.code()) == Some(EXIT_OUT_OF_MEMORY)
        || killed(status)
}

#[cfg(target_os = "linux")]
fn killed(status: Option<ExitStatus>) -> bool {
    use std::os::unix::process::ExitStatusExt;
    status.and_then(|s| s.signal()) == Some(rustix::process::Signal::KILL.as_raw())
}

#[cfg(not(target_os = "linux"))]
fn killed(_: Option<ExitStatus>) -> bool {
    false
}

/// One answer: its length, then its bytes; `None` when the pipe closed.
fn read_frame(output: &mut impl Read) -> Option<Vec<u8>> {
    let mut length = [0u8; 8];
    output.read_exact(&mut length).ok()?;
    let length = usize::try_from(u64::from_le_bytes(length)).ok()?;
    let mut answer = Vec::new();
    output.take(length as u64).read_to_end(&mut answer).ok()?;
    (answer.len() == length).then_some(answer)
}

/// The worker's side: limits first, then one file after another until the input closes.
fn serve() -> i32 {
    limit_this_process(ReaderLimits::from_env());
    let mut input = std::io::stdin().lock();
    let mut output = std::io::stdout().lock();
    loop {
        let mut length = [0u8; 4];
        if input.read_exact(&mut length).is_err() {
            return 0; // the importer is done
        }
        let mut name = vec![0u8; u32::from_le_bytes(length).min(4096) as usize];
        let mut length = [0u8; 8];
        if input.read_exact(&mut name).is_err() || input.read_exact(&mut length).is_err() {
            return EXIT_BROKEN_PIPE;
        }
        let length = u64::from_le_bytes(length).min(MAX_FILE_BYTES as u64 + 1) as usize;
        let mut bytes = Vec::new();
        if bytes.try_reserve_exact(length).is_err() {
            return EXIT_OUT_OF_MEMORY;
        }
        match (&mut input).take(length as u64).read_to_end(&mut bytes) {
            Ok(n) if n == length => {}
            Err(e) if e.kind() == std::io::ErrorKind::OutOfMemory => return EXIT_OUT_OF_MEMORY,
            _ => return EXIT_BROKEN_PIPE,
        }
        let name = String::from_utf8_lossy(&name);
        let result: Result<Document, IngestError> = ingest::ingest(&name, &bytes);
        drop(bytes);
        let Ok(answer) = serde_json::to_vec(&result) else {
            return EXIT_BROKEN_PIPE;
        };
        drop(result);
        let written = output
            .write_all(&(answer.len() as u64).to_le_bytes())
            .and_then(|()| output.write_all(&answer))
            .and_then(|()| output.flush());
        if written.is_err() {
            return EXIT_BROKEN_PIPE;
        }
    }
}

/// Caps this process's address space, and ties its life to its parent's.
#[cfg(not(target_os = "linux"))]
fn limit_this_process(_: ReaderLimits) {}

/// Caps this process's address space, and ties its life to its parent's.
#[cfg(target_os = "linux")]
fn limit_this_process(limits: ReaderLimits) {
    use rustix::process::{getrlimit, setrlimit, Resource};
    let mut limit = getrlimit(Resource::As);
    let wanted = limits.megabytes.saturating_mul(1024 * 1024);
    let wanted = limit.maximum.map_or(wanted, |maximum| maximum.min(wanted));
    limit.current = Some(limit.current.map_or(wanted, |current| current.min(wanted)));
    if let Err(error) = setrlimit(Resource::As, limit) {
        eprintln!("cannot limit the reader's memory: {error}");
    }
    // A worker whose importer was killed stops too instead of reading on for nobody.
    let _ = rustix::process::set_parent_process_death_signal(Some(rustix::process::Signal::KILL));
}
