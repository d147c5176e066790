//! The compliance client (Mastercard MATCH, Visa VMSS) against the emulator: real matches for the
//! merchants listed on purpose, clean results for all others, offset paging, inquiries by IRN,
//! terminations found by the next search, scopes, the error classes, and decoding.

use crate::support;
use crate::support::ids;

use app::dintero::compliance::*;
use app::dintero::DinteroError;
use app::secret::Secret;
use emulator::seed::{demo_world, DEMO_PARTNER};
use serde_json::{json, Value};

const ONBOARDING: &str = "onboarding@partner.example";

/// The seeded merchant `aid` of the harness's world (seed 1) as its `Account` JSON.
fn account(aid: &str) -> Value {
    demo_world(1)
        .partner(DEMO_PARTNER)
        .and_then(|p| p.accounts.merchants.get(aid).cloned())
        .expect("seeded merchant")
}

fn s(v: &Value, ptr: &str) -> Option<String> {
    v.pointer(ptr).and_then(Value::as_str).map(str::to_owned)
}

fn alpha3(country: Option<String>) -> Option<String> {
    country.map(|c| match c.as_str() {
        "NO" => "NOR".to_owned(),
        "SE" => "SWE".to_owned(),
        _ => c,
    })
}

/// The MATCH search the app would send for a merchant account.
fn match_request(a: &Value) -> MatchSearchRequest {
    MatchSearchRequest {
        merchant: MatchMerchant {
            business_name: s(a, "/company/business_name"),
            trade_name: s(a, "/company/display_name"),
            address: Some(MatchRequestAddress {
                address_line: s(a, "/company/address/address_line"),
                address_line_2: None,
                city: s(a, "/company/address/postal_place"),
                postal_code: s(a, "/company/address/postal_code"),
                country: alpha3(s(a, "/company/address/country")),
            }),
            principals: vec![MatchRequestPrincipal {
                first_name: s(a, "/applicant/first_name"),
                last_name: s(a, "/applicant/last_name"),
                email: s(a, "/applicant/email"),
                phone_number: s(a, "/applicant/phone_number"),
                ..Default::default()
            }],
            phone_number: s(a, "/company/phone_number"),
            merchant_category: s(a, "/merchant_category_code"),
            website_url: s(a, "/company/website"),
        },
        search_criteria: MatchSearchCriteria {
            search_all: Some(YesNo::Yes),
            ..Default::default()
        },
    }
}

/// The VMSS search the app would send for a merchant account.
fn vmss_request(a: &Value) -> VmssSearchRequest {
    VmssSearchRequest {
        merchant: VmssMerchant {
            dba_name: s(a, "/company/display_name"),
            legal_name: s(a, "/company/business_name"),
            address: Some(VmssAddress {
                street_address: s(a, "/company/address/address_line"),
                city: s(a, "/company/address/postal_place"),
                state_or_province: None,
                zip_or_postal_code: s(a, "/company/address/postal_code"),
                country_or_region: s(a, "/company/address/country"),
            }),
            principals: vec![VmssPrincipal {
                name: Some(format!(
                    "{} {}",
                    s(a, "/applicant/first_name").unwrap_or_default(),
                    s(a, "/applicant/last_name").unwrap_or_default()
                )),
                business_phone_number: s(a, "/applicant/phone_number"),
                business_email_address: s(a, "/applicant/email"),
                ..Default::default()
            }],
            business_phone_numbers: s(a, "/company/phone_number").into_iter().collect(),
            business_email_address: s(a, "/company/email"),
            business_registration_number: s(a, "/company/organization_number"),
            web_addresses: s(a, "/company/website").into_iter().collect(),
            merchant_category_codes: s(a, "/merchant_category_code").into_iter().collect(),
            ..Default::default()
        },
    }
}

fn only_match(page: &MatchInquiry) -> &TerminatedMerchant {
    let all: Vec<&TerminatedMerchant> = page.terminated_merchants().collect();
    assert_eq!(all.len(), 1, "{page:#?}");
    assert_eq!(page.total(), 1);
    all[0]
}

fn status(error: &DinteroError) -> u16 {
    error.status().unwrap_or_else(|| panic!("an API error, got {error:?}"))
}

#[tokio::test]
async fn a_merchant_listed_under_its_exact_name_is_found_with_exact_fields() {
    let h = support::start().await;
    let person = h.person(ONBOARDING).await;
    let a = account("T11200005");
    let page = h
        .client
        .match_search(&person, &ids::account("T11200005"), &match_request(&a), None, None)
        .await
        .expect("search");
    assert_eq!(page.starting_after, Some(0));
    let irn = page.inquiry_reference_number.clone().expect("an IRN");
    assert!(irn.len() > 8 && irn.bytes().all(|b| b.is_ascii_digit()), "{irn}");
    let hit = only_match(&page);
    let m = hit.merchant_match.as_ref().expect("merchant_match");
    assert_eq!(m.name, Some(MatchIndicator::Exact));
    assert_eq!(m.doing_business_as_name, Some(MatchIndicator::Exact));
    assert_eq!(m.address, Some(MatchIndicator::Exact));
    assert_eq!(m.phone_number, Some(MatchIndicator::NoMatch));
    assert_eq!(m.principal_matches[0].name, Some(MatchIndicator::NoMatch));
    let listed = hit.merchant.as_ref().expect("merchant");
    assert_eq!(listed.name, s(&a, "/company/business_name"));
    assert_eq!(
        listed.termination_reason_code,
        Some(TerminationReason::ExcessiveChargebacks)
    );
    assert_eq!(
        listed.address.as_ref().and_then(|x| x.country.clone()).as_deref(),
        Some("NOR")
    );
    assert!(listed.comments.as_deref().is_some_and(|c| !c.is_empty()));
    // A second search is a new inquiry.
    let again = h
        .client
        .match_search(&person, &ids::account("T11200005"), &match_request(&a), None, None)
        .await
        .expect("search");
    assert_ne!(again.inquiry_reference_number, Some(irn));
}

#[tokio::test]
async fn a_phonetic_spelling_and_a_shared_principal_are_found() {
    let h = support::start().await;
    let person = h.person(ONBOARDING).await;
    let a = account("T11200011");
    let page = h
        .client
        .match_search(&person, &ids::account("T11200011"), &match_request(&a), None, None)
        .await
        .expect("search");
    let hit = only_match(&page);
    let m = hit.merchant_match.as_ref().expect("merchant_match");
    assert_eq!(m.name, Some(MatchIndicator::Phonetic));
    assert_eq!(m.doing_business_as_name, Some(MatchIndicator::Phonetic));
    let listed_name = hit.merchant.as_ref().and_then(|l| l.name.clone()).unwrap_or_default();
    assert_ne!(Some(listed_name), s(&a, "/company/business_name"));

    let a = account("T11200017");
    let page = h
        .client
        .match_search(&person, &ids::account("T11200017"), &match_request(&a), None, None)
        .await
        .expect("search");
    let hit = only_match(&page);
    let m = hit.merchant_match.as_ref().expect("merchant_match");
    assert_eq!(m.name, Some(MatchIndicator::NoMatch));
    assert_eq!(m.doing_business_as_name, Some(MatchIndicator::NoMatch));
    assert_eq!(m.principal_matches[0].name, Some(MatchIndicator::Exact));
    assert_eq!(m.principal_matches[0].phone_number, Some(MatchIndicator::Exact));
    let principal = &hit.merchant.as_ref().expect("merchant").principals[0];
    assert_eq!(principal.last_name, s(&a, "/applicant/last_name"));
    assert_eq!(
        hit.merchant.as_ref().and_then(|l| l.termination_reason_code.clone()),
        Some(TerminationReason::MerchantCollusion)
    );
}

#[tokio::test]
async fn only_the_listed_merchants_are_found_among_all_sixty() {
    let h = support::start().await;
    let person = h.admin().await;
    let world = demo_world(1);
    let merchants = &world.partner(DEMO_PARTNER).expect("partner").accounts.merchants;
    assert_eq!(merchants.len(), 60);
    let (mut in_match, mut in_vmss) = (Vec::new(), Vec::new());
    for (aid, a) in merchants {
        let page = h
            .client
            .match_search(&person, &ids::account(aid), &match_request(a), None, None)
            .await
            .expect("match search");
        if page.total() > 0 {
            in_match.push(aid.clone());
        } else {
            assert!(page.possible_matches.is_empty());
        }
        let vmss = h
            .client
            .vmss_search(&person, &ids::account(aid), &vmss_request(a))
            .await
            .expect("vmss");
        assert_eq!(
            vmss.status.as_ref().and_then(|s| s.status_code.as_deref()),
            Some("API000")
        );
        if !vmss.matched_records().is_empty() {
            in_vmss.push(aid.clone());
        }
    }
    assert_eq!(in_match, ["T11200005", "T11200011", "T11200017"]);
    assert_eq!(in_vmss, ["T11200005", "T11200023"]);
}

fn vape_search() -> MatchSearchRequest {
    MatchSearchRequest {
        merchant: MatchMerchant {
            business_name: Some("Nordic Vape Supply".into()),
            ..Default::default()
        },
        search_criteria: MatchSearchCriteria {
            search_all: Some(YesNo::Yes),
            ..Default::default()
        },
    }
}

fn termination(name: &str, reason: TerminationReason) -> MatchTerminateRequest {
    MatchTerminateRequest {
        merchant: MatchTerminatedMerchant {
            merchant: MatchMerchant {
                business_name: Some(name.into()),
                trade_name: Some(name.trim_end_matches(" AS").into()),
                address: Some(MatchRequestAddress {
                    address_line: Some("Torggata 9".into()),
                    city: Some("Oslo".into()),
                    postal_code: Some("0181".into()),
                    country: Some("NOR".into()),
                    ..Default::default()
                }),
                principals: vec![MatchRequestPrincipal {
                    first_name: Some("Vidar".into()),
                    last_name: Some("Kvamme".into()),
                    date_of_birth: chrono::NaiveDate::from_ymd_opt(1979, 5, 17),
                    ..Default::default()
                }],
                phone_number: Some("+4791234567".into()),
                merchant_category: Some("5993".into()),
                website_url: Some("https://vape-oslo.example".into()),
            },
            merchant_id: Some("1234567890".into()),
            is_proprietorship: Some(YesNo::No),
            is_transaction_laundering: Some(YesNo::Yes),
        },
        termination: MatchTermination {
            termination_reason: reason,
            agreement_start_date: chrono::NaiveDate::from_ymd_opt(2023, 1, 1),
            agreement_termination_date: chrono::NaiveDate::from_ymd_opt(2026, 10, 1),
            comment: Some("Added due to fraud".into()),
        },
    }
}

#[tokio::test]
async fn paging_by_offset_sees_every_match_once_and_the_irn_gives_the_same_inquiry() {
    let h = support::start().await;
    let person = h.person(ONBOARDING).await;
    let aid = "T11200002";
    // Six seeded re-registrations, plus one added now.
    let added = h
        .client
        .match_terminate(
            &person,
            &ids::account(aid),
            &termination("Nordik Vape Suply AS", TerminationReason::Laundering),
        )
        .await
        .expect("terminate");
    let first = h
        .client
        .match_search(&person, &ids::account(aid), &vape_search(), Some(2), None)
        .await
        .expect("search");
    assert_eq!(first.total(), 7);
    let irn = first.inquiry_reference_number.clone().expect("irn");
    let mut seen: Vec<String> = Vec::new();
    let mut page = first;
    let mut pages = 0;
    loop {
        pages += 1;
        assert!(page.terminated_merchants().count() <= 2);
        seen.extend(
            page.terminated_merchants()
                .map(|t| t.merchant.as_ref().and_then(|m| m.name.clone()).unwrap_or_default()),
        );
        let Some(next) = page.next_offset() else { break };
        page = h
            .client
            .match_search(&person, &ids::account(aid), &vape_search(), Some(2), Some(next))
            .await
            .expect("next page");
        assert_eq!(page.starting_after, Some(next));
    }
    assert_eq!(pages, 4);
    let mut unique = seen.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), 7, "{seen:?}");
    assert!(seen.contains(&"Nordik Vape Suply AS".to_owned()));
    assert!(added.merchant_reference_number > 0);

    // The stored inquiry, paged by three.
    let mut by_irn = Vec::new();
    let mut offset = None;
    loop {
        let page = h
            .client
            .match_inquiry(&person, &ids::account(aid), &ids::irn(&irn), Some(3), offset)
            .await
            .expect("inquiry");
        assert_eq!(page.inquiry_reference_number.as_deref(), Some(irn.as_str()));
        by_irn.extend(
            page.terminated_merchants()
                .map(|t| t.merchant.as_ref().and_then(|m| m.name.clone()).unwrap_or_default()),
        );
        match page.next_offset() {
            Some(next) => offset = Some(next),
            None => break,
        }
    }
    let first_pages: Vec<String> = seen.clone();
    assert_eq!(by_irn, first_pages, "the IRN gives the same listings in the same order");

    // Past the end: the total, no listings.
    let beyond = h
        .client
        .match_inquiry(&person, &ids::account(aid), &ids::irn(&irn), None, Some(50))
        .await
        .expect("beyond");
    assert_eq!(beyond.total(), 7);
    assert_eq!(beyond.terminated_merchants().count(), 0);

    // Another merchant does not see this inquiry; unknown and malformed IRNs.
    let other = h
        .client
        .match_inquiry(&person, &ids::account("T11200003"), &ids::irn(&irn), None, None)
        .await
        .unwrap_err();
    assert_eq!(status(&other), 404);
    let unknown = h
        .client
        .match_inquiry(&person, &ids::account(aid), &ids::irn("99999999999999999"), None, None)
        .await
        .unwrap_err();
    assert_eq!(status(&unknown), 404);
    assert!(
        app::validate::Irn::parse("abc").is_err(),
        "a malformed IRN cannot reach the client, so it is never sent"
    );
}

#[tokio::test]
async fn a_match_termination_is_found_by_the_next_search() {
    let h = support::start().await;
    let person = h.person(ONBOARDING).await;
    let body = termination("Fjellheim Gullsmed AS", TerminationReason::IdentityTheft);
    let mut search = MatchSearchRequest {
        merchant: MatchMerchant {
            business_name: Some("Fjelheim Gulsmed".into()),
            ..Default::default()
        },
        search_criteria: MatchSearchCriteria {
            search_all: Some(YesNo::No),
            country: vec!["NOR".into()],
            ..Default::default()
        },
    };
    let before = h
        .client
        .match_search(&person, &ids::account("T11200030"), &search, None, None)
        .await
        .expect("search");
    assert!(before.possible_matches.is_empty());
    let first = h
        .client
        .match_terminate(&person, &ids::account("T11200030"), &body)
        .await
        .expect("terminate");
    let second = h
        .client
        .match_terminate(&person, &ids::account("T11200031"), &body)
        .await
        .expect("terminate");
    assert_eq!(second.merchant_reference_number, first.merchant_reference_number + 1);
    let after = h
        .client
        .match_search(&person, &ids::account("T11200030"), &search, None, None)
        .await
        .expect("search");
    assert_eq!(after.total(), 2);
    let hit = after.terminated_merchants().next().expect("found");
    let listed = hit.merchant.as_ref().expect("merchant");
    assert_eq!(listed.name.as_deref(), Some("Fjellheim Gullsmed AS"));
    assert_eq!(listed.added_by_acquirer_id.as_deref(), Some("2277"));
    assert_eq!(listed.termination_reason_code, Some(TerminationReason::IdentityTheft));
    assert_eq!(listed.comments.as_deref(), Some("Added due to fraud"));
    assert_eq!(listed.url, ["https://vape-oslo.example"]);
    assert_eq!(
        hit.merchant_match.as_ref().and_then(|m| m.name.clone()),
        Some(MatchIndicator::Phonetic)
    );
    // Outside the searched countries it is not found.
    search.search_criteria.country = vec!["SWE".into()];
    let elsewhere = h
        .client
        .match_search(&person, &ids::account("T11200030"), &search, None, None)
        .await
        .expect("search");
    assert!(elsewhere.possible_matches.is_empty());
    // By phone alone it is.
    let by_phone = MatchSearchRequest {
        merchant: MatchMerchant {
            business_name: Some("Something Else Entirely".into()),
            phone_number: Some("91234567".into()),
            ..Default::default()
        },
        search_criteria: MatchSearchCriteria {
            region: vec!["D".into()],
            ..Default::default()
        },
    };
    let page = h
        .client
        .match_search(&person, &ids::account("T11200030"), &by_phone, None, None)
        .await
        .expect("search");
    assert_eq!(page.total(), 2);
    assert_eq!(
        page.terminated_merchants()
            .next()
            .and_then(|t| t.merchant_match.as_ref())
            .and_then(|m| m.phone_number.clone()),
        Some(MatchIndicator::Exact)
    );
}

#[tokio::test]
async fn match_validation_names_the_fields() {
    let h = support::start().await;
    let person = h.person(ONBOARDING).await;
    // An unknown reason code.
    let error = h
        .client
        .match_terminate(
            &person,
            &ids::account("T11200001"),
            &termination("X AS", TerminationReason::Other("07".into())),
        )
        .await
        .unwrap_err();
    assert_eq!(status(&error), 400);
    let DinteroError::Api(failure) = &error else {
        panic!("{error:?}")
    };
    assert_eq!(failure.code.as_deref(), Some("INVALID_REQUEST_PARAMETERS"));
    assert_eq!(failure.errors[0]["path"], "/termination/termination_reason");
    // A search without a name; search_all N without countries.
    let body = MatchSearchRequest {
        search_criteria: MatchSearchCriteria {
            search_all: Some(YesNo::No),
            ..Default::default()
        },
        ..Default::default()
    };
    let error = h
        .client
        .match_search(&person, &ids::account("T11200001"), &body, None, None)
        .await
        .unwrap_err();
    let DinteroError::Api(failure) = &error else {
        panic!("{error:?}")
    };
    let paths: Vec<&str> = failure.errors.iter().filter_map(|e| e["path"].as_str()).collect();
    assert_eq!(paths, ["/merchant/business_name", "/search_criteria/country"]);
    // Paging out of bounds.
    for (limit, offset) in [(Some(0), None), (Some(101), None)] {
        let error = h
            .client
            .match_search(&person, &ids::account("T11200001"), &vape_search(), limit, offset)
            .await
            .unwrap_err();
        assert_eq!(status(&error), 400);
    }
    // Both objects missing (a raw body the typed client cannot send).
    let token = h
        .client
        .merchant_token(&person, &ids::account("T11200001"))
        .await
        .expect("token");
    let response = h
        .http
        .post(format!(
            "{}/v1/accounts/T11200001/compliance-search/match?starting_after=-1",
            h.base
        ))
        .bearer_auth(token.expose())
        .json(&json!({}))
        .send()
        .await
        .expect("send");
    assert_eq!(response.status(), 400);
    let response = h
        .http
        .post(format!("{}/v1/accounts/T11200001/compliance-search/match", h.base))
        .bearer_auth(token.expose())
        .json(&json!({}))
        .send()
        .await
        .expect("send");
    assert_eq!(response.status(), 400);
    let body: Value = response.json().await.expect("json");
    let paths: Vec<&str> = body["error"]["errors"]
        .as_array()
        .expect("errors")
        .iter()
        .filter_map(|e| e["path"].as_str())
        .collect();
    assert_eq!(paths, ["/merchant", "/merchant/business_name", "/search_criteria"]);
    // A VMSS search without names, a VMSS termination without a reason.
    let error = h
        .client
        .vmss_search(&person, &ids::account("T11200001"), &VmssSearchRequest::default())
        .await
        .unwrap_err();
    let DinteroError::Api(failure) = &error else {
        panic!("{error:?}")
    };
    assert_eq!(failure.errors[0]["path"], "/merchant/DBAName");
    let error = h
        .client
        .vmss_terminate(
            &person,
            &ids::account("T11200001"),
            &VmssTerminateRequest {
                merchant: VmssTerminatedRecord {
                    dba_name: Some("X".into()),
                    ..Default::default()
                },
            },
        )
        .await
        .unwrap_err();
    let DinteroError::Api(failure) = &error else {
        panic!("{error:?}")
    };
    assert_eq!(failure.errors[0]["path"], "/merchant/primaryListingReason");
}

#[tokio::test]
async fn vmss_finds_the_listed_merchants_with_signals() {
    let h = support::start().await;
    let person = h.person(ONBOARDING).await;
    let a = account("T11200023");
    let found = h
        .client
        .vmss_search(&person, &ids::account("T11200023"), &vmss_request(&a))
        .await
        .expect("vmss");
    assert_eq!(found.matched_records().len(), 1);
    let record = &found.matched_records()[0];
    let signals = record.match_signals.as_ref().expect("signals");
    assert_eq!(signals.legal_name, Some(MatchSignal::Exact));
    assert_eq!(signals.business_registration_number, Some(MatchSignal::Exact));
    let listed = record.terminated_record.as_ref().expect("record");
    assert_eq!(listed.legal_name, s(&a, "/company/business_name"));
    assert!(listed.primary_listing_reason.is_some());
    assert!(record.terminated_ref_id.as_deref().is_some_and(|id| id.len() == 36));
    assert!(record.acquirer_bid.is_some() && record.acquirer_name.is_some());

    let a = account("T11200005");
    let found = h
        .client
        .vmss_search(&person, &ids::account("T11200005"), &vmss_request(&a))
        .await
        .expect("vmss");
    assert_eq!(found.matched_records().len(), 1);
    let signals = found.matched_records()[0].match_signals.clone().expect("signals");
    assert_eq!(signals.dba_name, Some(MatchSignal::Phonetic));
    assert_eq!(signals.business_phone_numbers, Some(MatchSignal::Exact));
    assert_eq!(signals.tax_id, Some(MatchSignal::NoMatch));

    let clean = h
        .client
        .vmss_search(
            &person,
            &ids::account("T11200001"),
            &vmss_request(&account("T11200001")),
        )
        .await
        .expect("vmss");
    assert!(clean.matched_records().is_empty());
    assert_eq!(clean.status.and_then(|s| s.status_code), Some("API000".to_owned()));
}

#[tokio::test]
async fn a_vmss_termination_is_found_by_the_next_search() {
    let h = support::start().await;
    let person = h.person(ONBOARDING).await;
    let record = VmssTerminatedRecord {
        dba_name: Some("Snap Photoshop".into()),
        legal_name: Some("Snap Photoshop Ltd".into()),
        address: Some(VmssAddress {
            street_address: Some("Storgata 1".into()),
            city: Some("Oslo".into()),
            zip_or_postal_code: Some("0155".into()),
            country_or_region: Some("NO".into()),
            ..Default::default()
        }),
        principals: vec![VmssPrincipal {
            name: Some("Vidar Kvamme".into()),
            ssn: Some("17057912345".into()),
            ..Default::default()
        }],
        card_acceptor_ids: vec!["12345678910111".into()],
        contract_start_date: Some("2019-01-01".into()),
        contract_end_date: Some("2019-11-14".into()),
        trade_over_internet: Some(true),
        incorportation_status: Some("3".into()),
        primary_listing_reason: Some("29-Bankruptcy/Liquidation/Insolvency".into()),
        secondary_listing_reason: Some("34-Merchant Identity Theft".into()),
        tax_id: Some("NO999888777".into()),
        payment_facilitator_bid: Some("10000108".into()),
        acquirer_assigned_merchant_id: Some("36654773".into()),
        ..Default::default()
    };
    let added = h
        .client
        .vmss_terminate(
            &person,
            &ids::account("T11200040"),
            &VmssTerminateRequest {
                merchant: record.clone(),
            },
        )
        .await
        .expect("terminate");
    let ref_id = added.terminated_ref_id.expect("terminatedRefID");
    // Found by a principal with the same SSN under another business name.
    let search = VmssSearchRequest {
        merchant: VmssMerchant {
            dba_name: Some("Completely Different".into()),
            principals: vec![VmssPrincipal {
                name: Some("Vidar Kvame".into()),
                ssn: Some("170579 12345".into()),
                ..Default::default()
            }],
            ..Default::default()
        },
    };
    let found = h
        .client
        .vmss_search(&person, &ids::account("T11200041"), &search)
        .await
        .expect("search");
    assert_eq!(found.matched_records().len(), 1);
    let hit = &found.matched_records()[0];
    assert_eq!(hit.terminated_ref_id.as_deref(), Some(ref_id.as_str()));
    assert_eq!(hit.terminated_record.as_ref(), Some(&record));
    let principal = &hit.match_signals.as_ref().expect("signals").principals[0];
    assert_eq!(principal.name, Some(MatchSignal::Phonetic));
    assert_eq!(principal.identification, Some(MatchSignal::Exact));
    assert_eq!(hit.acquirer_bid.as_deref(), Some("10048466"));
}

#[tokio::test]
async fn people_without_the_match_or_vmss_scopes_are_refused() {
    let h = support::start().await;
    let manager = h.person("manager@partner.example").await;
    let finance = h.person("finance@partner.example").await;
    let onboarding = h.person(ONBOARDING).await;
    let aid = "T11200001";
    for person in [&manager, &finance] {
        let e = h
            .client
            .match_search(person, &ids::account(aid), &vape_search(), None, None)
            .await
            .unwrap_err();
        assert_eq!(status(&e), 403);
        let e = h
            .client
            .match_inquiry(person, &ids::account(aid), &ids::irn("1"), None, None)
            .await
            .unwrap_err();
        assert_eq!(status(&e), 403);
        let e = h
            .client
            .match_terminate(
                person,
                &ids::account(aid),
                &termination("X AS", TerminationReason::Coercion),
            )
            .await
            .unwrap_err();
        assert_eq!(status(&e), 403);
        let e = h
            .client
            .vmss_search(person, &ids::account(aid), &vmss_request(&account(aid)))
            .await
            .unwrap_err();
        assert_eq!(status(&e), 403);
        let e = h
            .client
            .vmss_terminate(person, &ids::account(aid), &VmssTerminateRequest::default())
            .await
            .unwrap_err();
        assert_eq!(status(&e), 403);
    }
    // The onboarding team may; a token for another merchant may not.
    h.client
        .match_search(&onboarding, &ids::account(aid), &vape_search(), None, None)
        .await
        .expect("onboarding searches");
    let other = h
        .client
        .merchant_token(&onboarding, &ids::account("T11200002"))
        .await
        .expect("token");
    let response = h
        .http
        .post(format!("{}/v1/accounts/{aid}/compliance-search/vmss", h.base))
        .bearer_auth(other.expose())
        .json(&json!({"merchant": {"DBAName": "X"}}))
        .send()
        .await
        .expect("send");
    assert_eq!(response.status(), 403);
}

#[tokio::test]
async fn a_bad_token_is_401() {
    let h = support::start().await;
    let e = h
        .client
        .match_search(
            &Secret::new("bad"),
            &ids::account("T11200001"),
            &vape_search(),
            None,
            None,
        )
        .await
        .unwrap_err();
    assert_eq!(status(&e), 401);
    for path in ["match", "match/123", "match/terminate", "vmss", "vmss/terminate"] {
        let url = format!("{}/v1/accounts/T11200001/compliance-search/{path}", h.base);
        let request = if path == "match/123" {
            h.http.get(url)
        } else {
            h.http.post(url).json(&json!({}))
        };
        let response = request.bearer_auth("bad").send().await.expect("send");
        assert_eq!(response.status(), 401, "{path}");
    }
}

#[tokio::test]
async fn an_inquiry_lookup_is_retried_after_429_and_503() {
    let h = support::start().await;
    let person = h.person(ONBOARDING).await;
    let aid = "T11200005";
    let page = h
        .client
        .match_search(&person, &ids::account(aid), &match_request(&account(aid)), None, None)
        .await
        .expect("search");
    let irn = page.inquiry_reference_number.clone().expect("irn");
    let path = format!("/v1/accounts/{aid}/compliance-search/match/{irn}");
    for kind in [
        json!({"type": "rate_limit", "retry_after": 1}),
        json!({"type": "status", "status": 503}),
    ] {
        h.fault(&path, kind, 1).await;
        h.clear_requests().await;
        let again = h
            .client
            .match_inquiry(&person, &ids::account(aid), &ids::irn(&irn), None, None)
            .await
            .expect("retried");
        assert_eq!(again.total(), 1);
        let tries = h.requests().await.into_iter().filter(|(_, p, _)| *p == path).count();
        assert_eq!(tries, 2);
    }
}

#[tokio::test]
async fn a_search_answered_503_is_not_repeated() {
    let h = support::start().await;
    let person = h.person(ONBOARDING).await;
    h.client
        .merchant_token(&person, &ids::account("T11200001"))
        .await
        .expect("token");
    let path = "/v1/accounts/T11200001/compliance-search/match";
    h.fault(path, json!({"type": "status", "status": 503}), 1).await;
    h.clear_requests().await;
    let e = h
        .client
        .match_search(&person, &ids::account("T11200001"), &vape_search(), None, None)
        .await
        .unwrap_err();
    assert_eq!(status(&e), 503);
    let tries = h.requests().await.into_iter().filter(|(_, p, _)| p == path).count();
    assert_eq!(tries, 1);
}

#[tokio::test]
async fn a_lookup_that_never_answers_times_out() {
    let h = support::start().await;
    let person = h.person(ONBOARDING).await;
    h.client
        .merchant_token(&person, &ids::account("T11200001"))
        .await
        .expect("token");
    h.fault(
        "/v1/accounts/T11200001/compliance-search/match/*",
        json!({"type": "latency", "ms": 6000}),
        10,
    )
    .await;
    let e = h
        .client
        .match_inquiry(
            &person,
            &ids::account("T11200001"),
            &ids::irn("22772025031400001"),
            None,
            None,
        )
        .await
        .unwrap_err();
    assert_eq!(e, DinteroError::Timeout);
}

fn example(name: &str) -> String {
    std::fs::read_to_string(format!(
        "{}/../../shared/api/examples/{name}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .expect("example file")
}

#[test]
fn the_examples_decode() {
    let m: MatchInquiry = serde_json::from_str(&example("match_search_no_matches.json")).expect("match example");
    assert_eq!(m.inquiry_reference_number.as_deref(), Some("22772025031400002"));
    assert_eq!(m.starting_after, Some(0));
    assert!(m.possible_matches.is_empty());
    assert_eq!(m.total(), 0);
    let v: VmssSearchResponse = serde_json::from_str(&example("vmss_search_no_match.json")).expect("vmss example");
    assert!(v.matched_records().is_empty());
    assert_eq!(v.status.and_then(|s| s.status_code).as_deref(), Some("API000"));
}

#[test]
fn unknown_fields_nulls_and_unknown_values_decode() {
    let m: MatchInquiry = serde_json::from_value(json!({
        "starting_after": 0,
        "inquiry_reference_number": "1",
        "something_new": {"x": 1},
        "possible_matches": [{
            "total_merchant_matches": 1,
            "terminated_merchants": [{
                "merchant": {
                    "name": "Snap AS", "doing_business_as_name": null, "address": null,
                    "phone_number": 4799887766u64, "url": null, "principal": [{"first_name": "Kari", "drivers_license": {"number": "1"}}],
                    "termination_reason_code": "77", "added_by_acquirer_id": 2277, "new_field": true
                },
                "merchant_match": {
                    "name": "M03", "doing_business_as_name": "M01", "address": null,
                    "principal_matches": [{"name": "M02", "extra": "M01"}], "url_matches": null
                }
            }]
        }]
    }))
    .expect("lenient MATCH");
    let t = m.terminated_merchants().next().expect("one");
    let listed = t.merchant.as_ref().expect("merchant");
    assert_eq!(
        listed.termination_reason_code,
        Some(TerminationReason::Other("77".into()))
    );
    assert_eq!(listed.added_by_acquirer_id.as_deref(), Some("2277"));
    assert_eq!(listed.phone_number.as_deref(), Some("4799887766"));
    assert_eq!(listed.principals[0].first_name.as_deref(), Some("Kari"));
    assert!(listed.url.is_empty());
    let mm = t.merchant_match.as_ref().expect("match");
    assert_eq!(mm.name, Some(MatchIndicator::Other("M03".into())));
    assert_eq!(mm.principal_matches[0].name, Some(MatchIndicator::Phonetic));
    assert!(mm.url_matches.is_empty());

    let v: VmssSearchResponse = serde_json::from_value(json!({
        "searchTerminatedResponse": {
            "possibleMatches": {"matchedRecords": [{
                "acquirerBID": 10048466, "acquirerName": null, "terminatedRefID": "id",
                "terminatedRecord": {"DBAName": "Snap", "category": 1, "principals": null,
                    "incorportationStatus": 3, "newVisaField": [1, 2]},
                "matchSignals": {"DBAName": "FUZZY", "principals": [{"name": "EXACT"}]},
                "unknown": "x"
            }]},
            "searchRequestRef": {"searchRequestRefID": "r"}
        },
        "status": {"statusCode": "API000", "statusDescription": null, "extra": 1}
    }))
    .expect("lenient VMSS");
    let r = &v.matched_records()[0];
    assert_eq!(r.acquirer_bid.as_deref(), Some("10048466"));
    let record = r.terminated_record.as_ref().expect("record");
    assert_eq!(record.category.as_deref(), Some("1"));
    assert_eq!(record.incorportation_status.as_deref(), Some("3"));
    assert!(record.principals.is_empty());
    let signals = r.match_signals.as_ref().expect("signals");
    assert_eq!(signals.dba_name, Some(MatchSignal::Other("FUZZY".into())));
    assert_eq!(signals.principals[0].name, Some(MatchSignal::Exact));

    let t: VmssTerminateResponse =
        serde_json::from_value(json!({"terminatedRefID": "abc", "status": {"statusCode": "API000"}}))
            .expect("terminate");
    assert_eq!(t.terminated_ref_id.as_deref(), Some("abc"));
    assert!(t.extra.contains_key("status"));
    let r: MatchTerminateResponse =
        serde_json::from_value(json!({"merchant_reference_number": 123, "x": null})).expect("reference");
    assert_eq!(r.merchant_reference_number, 123);
}
