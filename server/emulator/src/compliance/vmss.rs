//! VMSS handlers: `POST .../compliance-search/vmss` (an inquiry against the VMSS register) and
//! `POST .../compliance-search/vmss/terminate` (a record added to it). Field names are Visa's
//! camelCase (`DBAName`, `legalName`, `taxID`, `SSN`), kept exactly.

use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::HeaderMap;
use axum::Json;
use serde_json::{json, Map, Value};

use super::access::authorize;
use super::reader::{parse, Reader};
use super::visa::{compare, VmssRecord};
use crate::error::ApiError;
use crate::state::Emulator;

/// `POST /v1/accounts/{aid}/compliance-search/vmss`
pub async fn search(
    State(emulator): State<Emulator>,
    Path(aid): Path<String>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Json<Value>, ApiError> {
    let aid = authorize(&emulator, &headers, &aid, &["read:accounts:/vmss"]).await?;
    let body = parse(&body)?;
    let mut r = Reader::default();
    let merchant = read_merchant(&mut r, &body);
    let dba = r.text(&body, "/merchant/DBAName", false);
    let legal = r.text(&body, "/merchant/legalName", false);
    if body["merchant"].is_object() && dba.trim().is_empty() && legal.trim().is_empty() {
        r.fail("/merchant/DBAName", "DBAName or legalName is required");
    }
    r.finish()?;
    let world = emulator.world.read().await;
    let store = &world
        .partner_of(&aid)
        .ok_or_else(|| ApiError::not_found(format!("Account {aid} not found")))?
        .compliance;
    let matched: Vec<Value> = store
        .vmss_register
        .iter()
        .filter_map(|record| compare(&merchant, record))
        .collect();
    Ok(Json(json!({
        "searchTerminatedResponse": {
            "possibleMatches": {"matchedRecords": matched},
            "searchRequestRef": {"searchRequestRefID": uuid::Uuid::new_v4().to_string()},
        },
        "status": {"statusCode": "API000", "statusDescription": "Success"},
    })))
}

/// `POST /v1/accounts/{aid}/compliance-search/vmss/terminate` (scope INF `write:accounts:/vmss`;
/// the response `{terminatedRefID}` is INF too).
pub async fn terminate(
    State(emulator): State<Emulator>,
    Path(aid): Path<String>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Json<Value>, ApiError> {
    let aid = authorize(&emulator, &headers, &aid, &["write:accounts:/vmss"]).await?;
    let body = parse(&body)?;
    let mut r = Reader::default();
    let merchant = read_merchant(&mut r, &body);
    r.text(&body, "/merchant/DBAName", true);
    r.text(&body, "/merchant/primaryListingReason", true);
    r.text(&body, "/merchant/secondaryListingReason", false);
    r.text(&body, "/merchant/incorportationStatus", false);
    r.texts(&body, "/merchant/cardAcceptorIDs");
    r.boolean(&body, "/merchant/tradeInternationally");
    let start = r.date(&body, "/merchant/contractStartDate");
    let end = r.date(&body, "/merchant/contractEndDate");
    if let (Some(start), Some(end)) = (start, end) {
        if end < start {
            r.fail("/merchant/contractEndDate", "should not be before contractStartDate");
        }
    }
    r.finish()?;
    let mut world = emulator.world.write().await;
    let partner = world
        .partner_of_mut(&aid)
        .ok_or_else(|| ApiError::not_found(format!("Account {aid} not found")))?;
    let terminated_ref_id = uuid::Uuid::new_v4().to_string();
    let record = VmssRecord {
        acquirer_bid: partner.compliance.vmss_bid.clone(),
        acquirer_name: partner.account.company.business_name.clone(),
        acquirer_country: partner.account.company.address.country.clone(),
        terminated_ref_id: terminated_ref_id.clone(),
        record: merchant,
    };
    partner.compliance.vmss_register.push(record);
    Ok(Json(json!({"terminatedRefID": terminated_ref_id})))
}

/// The `merchant` object, type-checked field by field; returned as given.
fn read_merchant(r: &mut Reader, body: &Value) -> Value {
    let Some(merchant) = r.object(body, "/merchant", true) else {
        return Value::Object(Map::new());
    };
    for field in [
        "DBAName",
        "legalName",
        "businessEmailAddress",
        "taxID",
        "businessRegistrationNumber",
        "category",
        "paymentFacilitatorBID",
        "acquirerAssignedMerchantID",
    ] {
        r.text(body, &format!("/merchant/{field}"), false);
    }
    r.boolean(body, "/merchant/tradeOverInternet");
    for field in ["businessPhoneNumbers", "webAddresses", "merchantCategoryCodes"] {
        r.texts(body, &format!("/merchant/{field}"));
    }
    r.object(body, "/merchant/address", false);
    for field in [
        "streetAddress",
        "city",
        "stateOrProvince",
        "zipOrPostalCode",
        "countryOrRegion",
    ] {
        r.text(body, &format!("/merchant/address/{field}"), false);
    }
    for (at, _) in r.objects(body, "/merchant/principals") {
        for field in [
            "name",
            "SSN",
            "principalID",
            "passportNumber",
            "driverLicenseNumber",
            "residentIDOrNationalID",
            "businessPhoneNumber",
            "businessEmailAddress",
        ] {
            r.text(body, &format!("{at}/{field}"), false);
        }
    }
    for (at, _) in r.objects(body, "/merchant/financialAccts") {
        for field in [
            "intBankAccountNumber",
            "financialAccountNumber",
            "financialInstitutionID",
        ] {
            r.text(body, &format!("{at}/{field}"), false);
        }
    }
    merchant.clone()
}
