use super::*;
use proptest::prelude::*;
use proptest::sample::select;
use std::collections::BTreeSet;

#[test]
fn the_sample_staff_rows_parse() {
    let r = parse_staff(
        "199203202016041002",
        "Budi Santoso",
        "DPMPTSP",
        &["officer;supervisor"],
        "197805102003121001",
        "budi.santoso@example.go.id",
    )
    .unwrap();
    assert_eq!(r.roles, vec![Role::Officer, Role::Supervisor]);
    assert_eq!(r.supervisor_nip.unwrap().as_str(), "197805102003121001");
}

#[test]
fn every_problem_in_a_row_is_reported() {
    let errors = parse_staff(
        "123",
        "",
        "bad code",
        &["officer;boss"],
        "199001152015032001x",
        "nope",
    )
    .unwrap_err();
    let fields: Vec<_> = errors.iter().map(RecordError::field).collect();
    assert_eq!(
        fields,
        [
            "nip",
            "name",
            "unit_code",
            "roles",
            "supervisor_nip",
            "email"
        ]
    );
    assert!(errors.contains(&RecordError::Roles(Some("boss".into()))));
}

#[test]
fn a_person_cannot_supervise_themselves() {
    let errors = parse_staff(
        "199001152015032001",
        "Siti",
        "DPMPTSP",
        &["officer"],
        "199001152015032001",
        "",
    )
    .unwrap_err();
    assert_eq!(errors, vec![RecordError::OwnSupervisor]);
}

#[test]
fn roles_are_required_deduplicated_and_sorted() {
    assert_eq!(
        parse_roles(["admin; officer ;admin"]).unwrap(),
        vec![Role::Officer, Role::Admin]
    );
    assert_eq!(parse_roles([""]), Err(RecordError::Roles(None)));
}

#[test]
fn units_need_a_code_and_a_name() {
    assert_eq!(
        parse_unit("dinkes", "  Dinas   Kesehatan ").unwrap().name,
        "Dinas Kesehatan"
    );
    assert_eq!(parse_unit("", "").unwrap_err().len(), 2);
}

/// Values that are near misses for some field.
const EDGE: &[&str] = &[
    "",
    " ",
    "-1",
    "0",
    "99999999999999999999",
    "KTP EL",
    "DINAS/1",
    "É",
    "\u{0}",
    ";",
    " ; ",
    "boss",
    "officers",
    "off icer",
    "admin\u{0}",
    "a@b",
    "@x.id",
    "a@.id",
    "a@b..id",
    "B",
    "1990011520150320011",
    "199001152015132001",
    "199001152015033001",
    "199001152015031000",
];

/// Anything: edge values, arbitrary text with control characters, huge repeats.
fn garbage() -> impl Strategy<Value = String> {
    prop_oneof![
        select(EDGE).prop_map(str::to_owned),
        "(?s).{0,24}",
        (any::<char>(), 0usize..3000).prop_map(|(c, n)| c.to_string().repeat(n)),
    ]
}

fn field(valid: impl Strategy<Value = String>) -> impl Strategy<Value = String> {
    prop_oneof![5 => valid, 1 => garbage()]
}

fn code() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => "[ \t]?[A-Za-z0-9_-]{1,32}[ \t]?",
        1 => "[A-Za-z0-9_-]{33,40}",
    ]
}

/// A unit name of words and assorted white space, some around the 200-character limit.
fn unit_name() -> impl Strategy<Value = String> {
    let space = select(vec![" ", "  ", "\t", "\n", "\u{3000}"]);
    prop_oneof![
        proptest::collection::vec(("[A-Za-zé0-9.,()-]{1,12}", space), 1..40)
            .prop_map(|ws| ws.into_iter().map(|(w, s)| format!("{s}{w}")).collect()),
        (select(vec!['a', 'é', '漢']), 195usize..=205).prop_map(|(c, n)| c.to_string().repeat(n)),
    ]
}

/// A NIP that passes every check, sometimes typed with spaces between its groups.
fn nip() -> impl Strategy<Value = String> {
    let parts = (
        1930i32..=2015,
        1u8..=12,
        1u8..=28,
        17i32..=50,
        1u8..=12,
        1u8..=2,
        1u16..=999,
    );
    (parts, any::<bool>()).prop_map(|((y, m, d, after, am, g, s), spaced)| {
        let sep = if spaced { " " } else { "" };
        format!(
            "{y:04}{m:02}{d:02}{sep}{:04}{am:02}{sep}{g}{sep}{s:03}",
            y + after
        )
    })
}

/// One role code, in any case and padding, or a near miss.
fn role_piece() -> impl Strategy<Value = String> {
    let code = select(Role::ALL.map(Role::code).to_vec());
    prop_oneof![
        4 => (code, any::<bool>(), select(vec!["", " ", "\t"]))
            .prop_map(|(c, up, p)| {
                let c = if up { c.to_uppercase() } else { c.to_owned() };
                format!("{p}{c}{p}")
            }),
        1 => garbage(),
    ]
}

/// Role items as a form list or `;`-separated CSV cells.
fn role_items() -> impl Strategy<Value = Vec<String>> {
    proptest::collection::vec(
        proptest::collection::vec(role_piece(), 0..4).prop_map(|p| p.join(";")),
        0..3,
    )
}

fn known_role(piece: &str) -> Option<Role> {
    Role::ALL
        .into_iter()
        .find(|r| r.code().eq_ignore_ascii_case(piece))
}

proptest! {
    #[test]
    fn any_unit_is_parsed_or_refused_with_its_fields(
        code in field(code()),
        name in prop_oneof![3 => unit_name(), 1 => garbage()],
    ) {
        let words: Vec<&str> = name.split_whitespace().collect();
        let chars = words.iter().map(|w| w.chars().count()).sum::<usize>()
            + words.len().saturating_sub(1);
        let mut expected = Vec::new();
        if let Err(e) = Code::parse(&code) {
            expected.push(RecordError::Code("code", e));
        }
        if words.is_empty() || chars > 200 {
            expected.push(RecordError::UnitName);
        }
        match parse_unit(&code, &name) {
            Ok(u) => {
                prop_assert!(expected.is_empty(), "accepted despite {:?}", expected);
                prop_assert_eq!(u.code.as_str(), code.trim().to_ascii_uppercase());
                prop_assert!((1..=200).contains(&u.name.chars().count()));
                // Single spaces between the typed words, nothing around them.
                prop_assert_eq!(u.name.split(' ').collect::<Vec<_>>(), words);
            }
            Err(errors) => {
                prop_assert!(!errors.is_empty());
                prop_assert_eq!(errors, expected);
            }
        }
    }

    #[test]
    fn roles_are_the_known_codes_typed_sorted_and_once(items in role_items()) {
        let pieces: Vec<&str> = items
            .iter()
            .flat_map(|s| s.split(';'))
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .collect();
        let got = parse_roles(items.iter().map(String::as_str));
        if let Some(bad) = pieces.iter().find(|p| known_role(p).is_none()) {
            prop_assert_eq!(got, Err(RecordError::Roles(Some(bad.to_string()))));
        } else if pieces.is_empty() {
            prop_assert_eq!(got, Err(RecordError::Roles(None)));
        } else {
            let roles = got.unwrap();
            prop_assert!(roles.windows(2).all(|w| w[0] < w[1]), "{:?}", roles);
            for r in &roles {
                prop_assert!(pieces.iter().any(|p| known_role(p) == Some(*r)));
            }
            for p in &pieces {
                prop_assert!(roles.contains(&known_role(p).unwrap()));
            }
        }
    }

    #[test]
    fn any_staff_row_is_parsed_or_refused_on_exactly_its_bad_fields(
        nip_s in field(nip()),
        name in field("[A-Za-z][a-z]{1,10}( [A-Z][a-z'.-]{0,10}){0,3}"),
        unit in field(code()),
        roles in prop_oneof![
            3 => proptest::collection::vec(select(Role::ALL.map(Role::code).to_vec()), 1..4)
                .prop_map(|r| vec![r.join(";")]),
            1 => role_items(),
        ],
        sup in prop_oneof![2 => Just(String::new()), 2 => nip(), 1 => garbage()],
        own in proptest::bool::weighted(0.15),
        email in prop_oneof![
            1 => Just(String::new()),
            3 => "[ ]?[A-Za-z0-9._]{1,12}@[A-Za-z0-9-]{1,10}\\.go\\.id[ ]?",
            1 => garbage(),
        ],
    ) {
        let sup = if own { nip_s.clone() } else { sup };
        let role_refs: Vec<&str> = roles.iter().map(String::as_str).collect();
        let nip = Nip::parse(&nip_s);
        let sup_nip = Some(sup.trim()).filter(|s| !s.is_empty()).map(Nip::parse);
        let mut bad = BTreeSet::new();
        for (field, refused) in [
            ("nip", nip.is_err()),
            ("name", FullName::parse(&name).is_err()),
            ("unit_code", Code::parse(&unit).is_err()),
            ("roles", parse_roles(role_refs.iter().copied()).is_err()),
            (
                "supervisor_nip",
                sup_nip
                    .as_ref()
                    .is_some_and(|s| s.is_err() || s.as_ref().ok() == nip.as_ref().ok()),
            ),
            ("email", !email.trim().is_empty() && Email::parse(&email).is_err()),
        ] {
            if refused {
                bad.insert(field);
            }
        }
        match parse_staff(&nip_s, &name, &unit, &role_refs, &sup, &email) {
            Ok(r) => {
                prop_assert!(bad.is_empty(), "accepted despite {:?}", bad);
                let digits = r.nip.as_str();
                prop_assert!(digits.len() == 18 && digits.bytes().all(|b| b.is_ascii_digit()));
                let words = name.split_whitespace().collect::<Vec<_>>();
                prop_assert_eq!(r.name.as_str(), words.join(" "));
                prop_assert_eq!(r.unit_code.as_str(), unit.trim().to_ascii_uppercase());
                prop_assert!(!r.roles.is_empty() && r.roles.windows(2).all(|w| w[0] < w[1]));
                prop_assert_ne!(r.supervisor_nip.as_ref(), Some(&r.nip));
                prop_assert_eq!(r.supervisor_nip, sup_nip.and_then(Result::ok));
                let typed = Some(email.trim().to_lowercase()).filter(|e| !e.is_empty());
                prop_assert_eq!(r.email.as_ref().map(Email::as_str), typed.as_deref());
            }
            Err(errors) => {
                let fields: Vec<&str> = errors.iter().map(RecordError::field).collect();
                // One error per bad field, and only for bad fields.
                prop_assert_eq!(fields.iter().copied().collect::<BTreeSet<_>>(), bad);
                prop_assert!(!errors.is_empty());
                let unique: BTreeSet<_> = fields.iter().collect();
                prop_assert_eq!(unique.len(), fields.len());
            }
        }
    }
}
