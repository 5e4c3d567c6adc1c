//! Timings for `--timings`: how long each stage of a build took, and the
//! memory the process held when it ended.

use std::time::{Duration, Instant};

/// Times the stages of a build, for `--timings`.
#[derive(Debug, Default)]
pub(crate) struct Stopwatch {
    last: Option<Instant>,
    pub(crate) stages: Vec<Lap>,
}

/// One timed stage of a build: its name, how long it took, and the peak
/// memory of the process when it ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Lap {
    pub name: &'static str,
    pub time: Duration,
    /// The resident set's high-water mark in bytes, where the system says.
    pub peak: Option<u64>,
}

/// The most memory the process has held so far (its resident set's
/// high-water mark), where the system tells.
pub fn peak_memory() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb * 1024)
}

impl Stopwatch {
    pub(crate) fn start() -> Stopwatch {
        Stopwatch {
            last: Some(Instant::now()),
            stages: Vec::new(),
        }
    }

    /// Records the time since the previous lap as `stage`.
    pub(crate) fn lap(&mut self, stage: &'static str) {
        let now = Instant::now();
        if let Some(last) = self.last.replace(now) {
            self.stages.push(Lap {
                name: stage,
                time: now - last,
                peak: peak_memory(),
            });
        }
    }
}
