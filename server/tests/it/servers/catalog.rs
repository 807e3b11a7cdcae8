//! The public list of services, kept in memory by each server (docs/DEPLOYMENT.md): an admin's
//! change shows at once on the server that made it and within a second on the other.

use super::{keep, wait_for};
use crate::applying::CODE;
use crate::common::live::Live;
use crate::common::{enc, people, Jar, PASSWORD};
use std::time::Duration;

async fn listed(live: &Live) -> String {
    let reply = live.get("/layanan", &Jar::default()).await.unwrap();
    assert_eq!(reply.status, 200, "{}", reply.body);
    reply.body
}

pub(crate) async fn a_catalog_change_reaches_the_other_server(a: &Live, b: &Live) {
    assert!(
        listed(b).await.contains("Izin Uji Coba"),
        "B keeps the list"
    );

    let mut admin = Jar::default();
    let form = format!(
        "identifier={}&password={}",
        enc(people::ADMIN),
        enc(PASSWORD)
    );
    let signed_in = a.post_form("/petugas/masuk", &form, &admin).await.unwrap();
    keep(&mut admin, &signed_in);
    let rename = format!(
        "code={CODE}&unit_code=UNIT-A&name_id=Izin+Dua+Server&name_en=Two+Servers+Permit&completion_days=5&fee=0&permit_code=SIUJ&active=on"
    );
    let saved = a
        .post_form(&format!("/admin/layanan/{CODE}"), &rename, &admin)
        .await
        .unwrap();
    assert_eq!(saved.status, 303, "{}", saved.body);
    assert!(
        listed(a).await.contains("Izin Dua Server"),
        "A shows it at once"
    );
    wait_for(
        Duration::from_secs(5),
        "B shows the renamed service",
        || async { listed(b).await.contains("Izin Dua Server") },
    )
    .await;
}
