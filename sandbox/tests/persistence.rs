//! `--db`: a developer's objects survive a restart, and an acknowledged write survives
//! `kill -9` (the real binary, killed with SIGKILL between two runs on the same file).

mod common;

use common::{connect, Sandbox, PK, SK};
use serde_json::{json, Value};
use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};

struct Running {
    child: Child,
    sb: Sandbox,
}

fn spawn(db: &std::path::Path) -> Running {
    let mut child = Command::new(env!("CARGO_BIN_EXE_omise-sandbox"))
        .args(["--port", "0", "--quiet", "--www", "/nonexistent", "--db"])
        .arg(db)
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .expect("the sandbox binary starts");
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap()).read_line(&mut line).unwrap();
    let addr = line.trim().strip_prefix("omise-sandbox listening on http://").expect(&line).parse().unwrap();
    Running { child, sb: connect(addr) }
}

impl Drop for Running {
    /// A failing test leaves no process behind.
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Running {
    /// SIGKILL: no shutdown, no flush.
    fn kill_9(mut self) {
        self.child.kill().unwrap();
        self.child.wait().unwrap();
    }
    // (Drop then finds it already gone.)
}

async fn ok(r: common::Resp) -> Value {
    assert!(r.status.is_success(), "{}", r.body);
    r.json()
}

#[tokio::test]
async fn objects_survive_kill_9_and_restart() {
    let dir = std::env::temp_dir().join(format!("omise-sandbox-db-{}", fastrand::u64(..)));
    std::fs::create_dir_all(&dir).unwrap();
    let db = dir.join("sandbox.redb");

    let run = spawn(&db);
    let sb = &run.sb;
    let (pk2, sk2) = sb.new_keys().await;
    let t = sb.token("4242424242424242").await;
    let cust = ok(sb
        .post_form(
            "/customers",
            Some(SK),
            &format!("email=keep%40me.test&card={}", t["id"].as_str().unwrap()),
        )
        .await)
    .await;
    let cid = cust["id"].as_str().unwrap().to_owned();
    let clock = ok(sb.get("/__sandbox/clock", None).await).await;
    let today = &clock["now"].as_str().unwrap()[..10];
    let day = omise_sandbox::clock::parse_date(today).unwrap();
    let end = omise_sandbox::clock::date(day + 90);
    let s = ok(sb
        .post_json(
            "/schedules",
            Some(SK),
            &json!({"every": 1, "period": "day", "start_date": today, "end_date": end,
        "charge": {"customer": cid, "amount": 5000}}),
        )
        .await)
    .await;
    let sid = s["id"].as_str().unwrap().to_owned();
    let auth = ok(sb
        .post_form("/charges", Some(SK), &format!("customer={cid}&amount=7000&currency=thb&capture=false"))
        .await)
    .await;
    ok(sb.post_json("/__sandbox/clock", None, &json!({"advanceDays": 2})).await).await;
    let offset = ok(sb.get("/__sandbox/clock", None).await).await["offsetMs"].as_i64().unwrap();
    // Many acknowledged writes, the last one just before the kill.
    let mut made = Vec::new();
    for i in 0..40 {
        let c = ok(sb.post_form("/customers", Some(&sk2), &format!("description=n{i}")).await).await;
        made.push(c["id"].as_str().unwrap().to_owned());
    }
    run.kill_9();

    let run = spawn(&db);
    let sb = &run.sb;
    let c = ok(sb.get(&format!("/customers/{cid}"), Some(SK)).await).await;
    assert_eq!((c["email"].as_str(), c["cards"]["total"].as_u64()), (Some("keep@me.test"), Some(1)));
    let s = ok(sb.get(&format!("/schedules/{sid}"), Some(SK)).await).await;
    assert_eq!((s["status"].as_str(), s["occurrences"]["total"].as_u64()), (Some("active"), Some(3)));
    let a = ok(sb.get(&format!("/charges/{}", auth["id"].as_str().unwrap()), Some(SK)).await).await;
    assert_eq!((a["capturable"].as_bool(), a["customer"].as_str()), (Some(true), Some(cid.as_str())));
    assert!(ok(sb.get("/__sandbox/clock", None).await).await["offsetMs"].as_i64().unwrap() >= offset);
    for id in &made {
        ok(sb.get(&format!("/customers/{id}"), Some(&sk2)).await).await;
    }
    assert_eq!(sb.post_form("/tokens", Some(&pk2), &common::card_form("4242424242424242")).await.status, 200);
    assert_eq!(sb.post_form("/tokens", Some(PK), &common::card_form("4242424242424242")).await.status, 200);
    // The schedule goes on where it stopped, and the capture works on the restored charge.
    ok(sb.post_json("/__sandbox/clock", None, &json!({"advanceDays": 1})).await).await;
    let s = ok(sb.get(&format!("/schedules/{sid}"), Some(SK)).await).await;
    assert_eq!(s["occurrences"]["total"], 4);
    ok(sb
        .post_json(&format!("/charges/{}/capture", auth["id"].as_str().unwrap()), Some(SK), &json!({}))
        .await)
    .await;
    let events = ok(sb.get("/events?limit=100", Some(SK)).await).await;
    // 6 events before the kill (customer, schedule, 4 charges), 2 after (a charge, the capture).
    assert_eq!(events["total"], 8);
    assert_eq!(events["data"][0]["key"], "customer.create");
    run.kill_9();
    let _ = std::fs::remove_dir_all(&dir);
}
