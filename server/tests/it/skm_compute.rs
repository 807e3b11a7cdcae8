//! `sigap skm compute` on the sample file of the repository: the worked example of
//! REFERENCE §3.3 (IKM 3.1556, konversi 78.89, mutu B), run as the real binary.

use std::process::Command;

fn sigap(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_sigap"))
        .args(args)
        .env(
            "SIGAP_DATA_DIR",
            std::env::temp_dir().join("sigap-skm-cli-unused"),
        )
        .output()
        .expect("run sigap")
}

fn sample() -> String {
    format!(
        "{}/../demo/skm_worked_example.csv",
        env!("CARGO_MANIFEST_DIR")
    )
}

#[test]
fn the_worked_example_gives_the_published_index_as_json() {
    let out = sigap(&["skm", "compute", "--input", &sample(), "--format", "json"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["n"], 5);
    assert_eq!(v["ikm"], 3.1556);
    assert_eq!(v["ikm_konversi"], 78.89);
    assert_eq!(v["mutu"], "B");
    assert_eq!(v["kinerja"], "Baik");
    let nrr: Vec<f64> = (1..=9)
        .map(|i| v["nrr"][format!("U{i}")].as_f64().unwrap())
        .collect();
    assert_eq!(nrr, [3.40, 3.00, 2.60, 4.00, 3.20, 3.40, 3.60, 2.80, 2.40]);
    assert_eq!(v["unsur_mutu"]["U3"], "C");
    assert_eq!(v["unsur_mutu"]["U9"], "D");
}

#[test]
fn the_table_is_localised_and_filters_narrow_the_responses() {
    let out = sigap(&["skm", "compute", "--input", &sample(), "--lang", "en"]);
    let text = String::from_utf8(out.stdout).unwrap();
    let line = text
        .lines()
        .find(|l| l.starts_with("IKM converted (25-100)"))
        .unwrap();
    assert!(line.ends_with(" 78.89"), "{text}");
    assert!(text.contains("B (Good)"));
    let out = sigap(&[
        "skm",
        "compute",
        "--input",
        &sample(),
        "--format",
        "json",
        "--period",
        "2026-Q1",
        "--service",
        "siumk",
    ]);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["n"], 5);
    let out = sigap(&[
        "skm",
        "compute",
        "--input",
        &sample(),
        "--period",
        "2026-S2",
    ]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("no responses match"));
}

#[test]
fn a_file_with_bad_rows_reports_each_line_and_computes_nothing() {
    let dir = std::env::temp_dir().join(format!("sigap-skm-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("bad.csv");
    let mut text = std::fs::read_to_string(sample()).unwrap();
    text.push_str("2026-03-06,DPMPTSP,SIUMK,,3,3,9,4,3,3,4,3,2,L,34,S1,Wirausaha,\n");
    text.push_str("kemarin,DPMPTSP,SIUMK,,3,3,3,4,3,3,4,3,2,L,34,S1,Wirausaha,\n");
    std::fs::write(&file, text).unwrap();
    let out = sigap(&[
        "skm",
        "compute",
        "--input",
        file.to_str().unwrap(),
        "--format",
        "json",
    ]);
    assert!(!out.status.success());
    assert!(out.stdout.is_empty());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains(" 7 [u3]: Jawaban harus 1, 2, 3 atau 4"),
        "{err}"
    );
    assert!(err.contains(" 8 [submitted_at]: Bukan tanggal"), "{err}");
    std::fs::remove_dir_all(&dir).ok();
}
