//! Time passing: once a second of real time, and at once after `POST /__sandbox/clock`, every
//! room's due work runs against the sandbox clock (charges complete and expire, refunds
//! settle, schedules charge, retry and suspend). Each room owns its rule; this only calls them.

use crate::state::App;
use crate::store::Inner;
use crate::{charge_actions, refunds, schedule_rules};
use std::sync::{Arc, Weak};
use std::time::Duration;
use tokio::sync::watch;

const PERIOD: Duration = Duration::from_secs(1);

/// Everything due at `now_ms`.
pub fn run(inner: &mut Inner, now_ms: i64) {
    charge_actions::settle_due(inner, now_ms);
    refunds::settle_due(inner, now_ms);
    schedule_rules::run_due(inner, now_ms);
    // Refunds and completions that the schedule's charges started in this same instant.
    refunds::settle_due(inner, now_ms);
}

pub async fn tick(app: &App) {
    let due = app.write(|inner, now| {
        run(inner, now);
        Ok(())
    });
    if let Err(e) = due.await {
        eprintln!("omise-sandbox: {}", e.message);
    }
}

/// Ticks until the server stops (or is dropped).
pub fn spawn(app: &Arc<App>, mut stop: watch::Receiver<bool>) {
    let app: Weak<App> = Arc::downgrade(app);
    tokio::spawn(async move {
        loop {
            tokio::select! {
                _ = tokio::time::sleep(PERIOD) => {}
                _ = stop.changed() => return,
            }
            let Some(app) = app.upgrade() else { return };
            tick(&app).await;
        }
    });
}
