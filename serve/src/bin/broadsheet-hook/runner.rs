//! Runs the sync command one at a time. A trigger that comes while a run is under way asks for
//! exactly one more run after it, however many come: the run after reads everything that changed
//! meanwhile, so more would only repeat it.

use std::future::Future;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::Instant;
use tokio::sync::Notify;

/// What the receiver tells `/status`.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize)]
pub struct Status {
    /// Triggers accepted (signed) since the start.
    pub triggers: u64,
    pub runs_started: u64,
    pub runs_finished: u64,
    pub running: bool,
    /// A trigger came during the current run: one more run follows it.
    pub pending: bool,
    pub last: Option<Outcome>,
}

#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Outcome {
    /// The command's exit code; None if it could not start or a signal ended it.
    pub exit_code: Option<i32>,
    pub error: Option<String>,
    pub milliseconds: u128,
}

#[derive(Default)]
pub struct Runner {
    // Notify keeps at most one permit while nobody waits: that is the "one more run".
    wake: Notify,
    status: Mutex<Status>,
    /// The file of [`WAITING_ENV`]: it exists while a run is under way and another waits.
    waiting: Option<PathBuf>,
}

impl Runner {
    #[cfg(test)]
    pub fn new() -> Arc<Self> {
        Arc::default()
    }

    /// A runner that keeps `waiting` as [`WAITING_ENV`] says.
    pub fn with_waiting_file(waiting: PathBuf) -> Arc<Self> {
        Arc::new(Self {
            waiting: Some(waiting),
            ..Self::default()
        })
    }

    pub fn waiting_file(&self) -> Option<&Path> {
        self.waiting.as_deref()
    }

    pub fn trigger(&self) {
        let mut status = self.status.lock().expect("status lock");
        status.triggers += 1;
        if status.running {
            status.pending = true;
            if let Some(waiting) = &self.waiting {
                if let Err(error) = std::fs::write(waiting, b"") {
                    eprintln!("broadsheet-hook: {}: {error}", waiting.display());
                }
            }
        }
        self.wake.notify_one();
    }

    pub fn status(&self) -> Status {
        self.status.lock().expect("status lock").clone()
    }

    /// Runs `job` for each trigger, one at a time, coalescing as the module says. Never returns.
    pub async fn serve<F, Fut>(self: Arc<Self>, mut job: F)
    where
        F: FnMut(u64) -> Fut,
        Fut: Future<Output = Result<Option<i32>, String>>,
    {
        loop {
            self.wake.notified().await;
            let number = {
                let mut status = self.status.lock().expect("status lock");
                status.running = true;
                status.pending = false;
                if let Some(waiting) = &self.waiting {
                    match std::fs::remove_file(waiting) {
                        Err(error) if error.kind() != std::io::ErrorKind::NotFound => {
                            eprintln!("broadsheet-hook: {}: {error}", waiting.display());
                        }
                        _ => {}
                    }
                }
                status.runs_started += 1;
                status.runs_started
            };
            let started = Instant::now();
            let result = job(number).await;
            let outcome = Outcome {
                exit_code: result.as_ref().ok().copied().flatten(),
                error: result.err(),
                milliseconds: started.elapsed().as_millis(),
            };
            let mut status = self.status.lock().expect("status lock");
            status.running = false;
            status.runs_finished += 1;
            status.last = Some(outcome);
        }
    }
}

/// Names, to the command, a file that exists once a trigger came during its run: a command that
/// works in steps may stop early for it, since the run after it follows at once.
pub const WAITING_ENV: &str = "BROADSHEET_HOOK_WAITING";

/// Runs `command` (program and arguments) with the receiver's stdout and stderr, and says how it
/// ended; `waiting` is the file [`WAITING_ENV`] names to it.
pub async fn run_command(
    command: &[String],
    number: u64,
    waiting: Option<&Path>,
) -> Result<Option<i32>, String> {
    let (program, args) = command.split_first().expect("a command was given");
    eprintln!("broadsheet-hook: run {number}: {}", command.join(" "));
    let started = Instant::now();
    let mut child = tokio::process::Command::new(program);
    if let Some(waiting) = waiting {
        child.env(WAITING_ENV, waiting);
    }
    let status = child
        .args(args)
        .stdin(std::process::Stdio::null())
        .kill_on_drop(true)
        .status()
        .await
        .map_err(|error| format!("cannot run {program}: {error}"))?;
    eprintln!(
        "broadsheet-hook: run {number} ended ({status}) after {:.1} s",
        started.elapsed().as_secs_f64()
    );
    Ok(status.code())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;
    use tokio::sync::Semaphore;

    /// Waits until `runner` is idle with nothing pending and at least `finished` runs done.
    async fn settled(runner: &Runner, finished: u64) -> Status {
        loop {
            let status = runner.status();
            if !status.running && !status.pending && status.runs_finished >= finished {
                return status;
            }
            tokio::time::sleep(Duration::from_millis(5)).await;
        }
    }

    /// A runner whose job waits for a permit of the returned semaphore, so a test decides when runs end.
    fn held_runner() -> (Arc<Runner>, Arc<Semaphore>) {
        held(Runner::new())
    }

    fn held(runner: Arc<Runner>) -> (Arc<Runner>, Arc<Semaphore>) {
        let gate = Arc::new(Semaphore::new(0));
        let job_gate = gate.clone();
        tokio::spawn(runner.clone().serve(move |_| {
            let gate = job_gate.clone();
            async move {
                gate.acquire().await.expect("gate open").forget();
                Ok(Some(0))
            }
        }));
        (runner, gate)
    }

    async fn until_running(runner: &Runner, started: u64) {
        while runner.status().runs_started < started || !runner.status().running {
            tokio::time::sleep(Duration::from_millis(5)).await;
        }
    }

    #[tokio::test]
    async fn the_waiting_file_exists_from_a_trigger_during_a_run_until_the_next_run_starts() {
        let folder = tempfile::tempdir().unwrap();
        let waiting = folder.path().join("waiting");
        let (runner, gate) = held(Runner::with_waiting_file(waiting.clone()));
        runner.trigger();
        until_running(&runner, 1).await;
        assert!(!waiting.exists(), "nothing waits yet");
        runner.trigger();
        assert!(waiting.exists(), "a trigger during the run");
        gate.add_permits(1);
        until_running(&runner, 2).await;
        assert!(!waiting.exists(), "the run it waited for has started");
        gate.add_permits(1);
        settled(&runner, 2).await;
    }

    #[tokio::test]
    async fn triggers_during_a_run_give_exactly_one_more_run() {
        let (runner, gate) = held_runner();
        runner.trigger();
        until_running(&runner, 1).await;
        for _ in 0..5 {
            runner.trigger();
        }
        assert!(runner.status().pending);
        gate.add_permits(10);
        let status = settled(&runner, 2).await;
        tokio::time::sleep(Duration::from_millis(50)).await;
        assert_eq!(
            runner.status(),
            status,
            "nothing runs after the one more run"
        );
        assert_eq!(
            (status.triggers, status.runs_started, status.runs_finished),
            (6, 2, 2)
        );
    }

    #[tokio::test]
    async fn never_runs_two_at_once() {
        let (runner, gate) = held_runner();
        runner.trigger();
        until_running(&runner, 1).await;
        runner.trigger();
        tokio::time::sleep(Duration::from_millis(50)).await;
        assert_eq!(
            runner.status().runs_started,
            1,
            "the second waits for the first"
        );
        gate.add_permits(1);
        until_running(&runner, 2).await;
        gate.add_permits(1);
        assert_eq!(settled(&runner, 2).await.runs_started, 2);
    }

    #[tokio::test]
    async fn a_trigger_after_a_run_gives_a_run_of_its_own() {
        let (runner, gate) = held_runner();
        gate.add_permits(10);
        runner.trigger();
        settled(&runner, 1).await;
        runner.trigger();
        let status = settled(&runner, 2).await;
        assert_eq!((status.triggers, status.runs_finished), (2, 2));
    }

    #[tokio::test]
    async fn a_command_that_cannot_start_is_an_error_and_the_next_trigger_runs_again() {
        let runner = Runner::new();
        let command = vec!["/nonexistent/broadsheet-sync".to_string()];
        tokio::spawn(runner.clone().serve(move |number| {
            let command = command.clone();
            async move { run_command(&command, number, None).await }
        }));
        runner.trigger();
        let status = settled(&runner, 1).await;
        let last = status.last.expect("a run ended");
        assert_eq!(last.exit_code, None);
        assert!(last
            .error
            .expect("an error")
            .contains("cannot run /nonexistent/broadsheet-sync"));
        runner.trigger();
        assert_eq!(settled(&runner, 2).await.runs_finished, 2);
    }

    #[tokio::test]
    async fn a_command_exit_code_is_reported() {
        let runner = Runner::new();
        tokio::spawn(runner.clone().serve(|number| async move {
            run_command(&["sh".into(), "-c".into(), "exit 3".into()], number, None).await
        }));
        runner.trigger();
        assert_eq!(
            settled(&runner, 1).await.last.expect("a run").exit_code,
            Some(3)
        );
    }
}
