//! Runs the sync command one at a time. A trigger that comes while a run is under way asks for
//! exactly one more run after it, however many come: the run after reads everything that changed
//! meanwhile, so more would only repeat it.

use std::future::Future;
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
}

impl Runner {
    pub fn new() -> Arc<Self> {
        Arc::default()
    }

    pub fn trigger(&self) {
        let mut status = self.status.lock().expect("status lock");
        status.triggers += 1;
        if status.running {
            status.pending = true;
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

/// Runs `command` (program and arguments) with the receiver's stdout and stderr, and says how it ended.
pub async fn run_command(command: &[String], number: u64) -> Result<Option<i32>, String> {
    let (program, args) = command.split_first().expect("a command was given");
    eprintln!("broadsheet-hook: run {number}: {}", command.join(" "));
    let started = Instant::now();
    let status = tokio::process::Command::new(program)
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
        let runner = Runner::new();
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
            async move { run_command(&command, number).await }
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
            run_command(&["sh".into(), "-c".into(), "exit 3".into()], number).await
        }));
        runner.trigger();
        assert_eq!(
            settled(&runner, 1).await.last.expect("a run").exit_code,
            Some(3)
        );
    }
}
