//! The partner-accounts calls (server only).

use super::*;

mod ssr {
    use super::*;
    use crate::dintero::http::Auth;
    use crate::dintero::wire::segment;
    use crate::dintero::{DinteroClient, DinteroError};
    use crate::secret::Secret;
    use crate::validate::AccountId;

    impl DinteroClient {
        fn accounts_path(&self) -> String {
            format!("/v1/accounts/{}/management/accounts", self.partner_id())
        }

        /// `GET /v1/accounts/{oid}/management/accounts`: one page of merchants and the next cursor.
        pub async fn list_accounts(
            &self,
            person: &Secret,
            query: &AccountsQuery,
        ) -> Result<CursorPage<Account>, DinteroError> {
            let items: Vec<Account> = self
                .get(&self.accounts_path(), Auth::Bearer(person), &query.to_query())
                .await?;
            Ok(CursorPage::new(items, query.limit, |a| a.paging_token.clone()))
        }

        /// `POST /v1/accounts/{oid}/management/accounts`: creates a merchant account.
        pub async fn create_account(&self, person: &Secret, body: &NewAccount) -> Result<Account, DinteroError> {
            self.post(&self.accounts_path(), Auth::Bearer(person), body).await
        }

        /// `GET /v1/accounts/{oid}/management/accounts/{aid}`.
        pub async fn get_account(&self, person: &Secret, aid: &AccountId) -> Result<Account, DinteroError> {
            self.get(&format!("{}/{aid}", self.accounts_path()), Auth::Bearer(person), &[])
                .await
        }

        /// `PUT /v1/accounts/{oid}/management/accounts/{aid}`: replaces the writable fields.
        pub async fn update_account(
            &self,
            person: &Secret,
            aid: &AccountId,
            body: &AccountUpdate,
        ) -> Result<Account, DinteroError> {
            self.put(&format!("{}/{aid}", self.accounts_path()), Auth::Bearer(person), body)
                .await
        }

        /// `DELETE /v1/accounts/{oid}/management/accounts/{aid}`: answers the deleted account.
        pub async fn delete_account(&self, person: &Secret, aid: &AccountId) -> Result<Account, DinteroError> {
            self.delete(&format!("{}/{aid}", self.accounts_path()), Auth::Bearer(person), &[])
                .await
        }

        /// `POST /v1/accounts/{oid}/management/accounts/{aid}/connections/{connection}/events`:
        /// sets a connection's status; answers the stored event.
        pub async fn add_connection_event(
            &self,
            person: &Secret,
            aid: &AccountId,
            connection: &ConnectionName,
            body: &NewConnectionEvent,
        ) -> Result<ConnectionEvent, DinteroError> {
            let path = format!(
                "{}/{aid}/connections/{}/events",
                self.accounts_path(),
                segment(connection.as_str())
            );
            self.post(&path, Auth::Bearer(person), body).await
        }

        /// `GET /v1/accounts/{oid}/management/accounts/{aid}/events`: newest first, with the next cursor.
        pub async fn list_account_events(
            &self,
            person: &Secret,
            aid: &AccountId,
            query: &AccountEventsQuery,
        ) -> Result<CursorPage<AccountEvent>, DinteroError> {
            let path = format!("{}/{aid}/events", self.accounts_path());
            let items: Vec<AccountEvent> = self.get(&path, Auth::Bearer(person), &query.to_query()).await?;
            Ok(CursorPage::new(items, query.limit, |e| e.paging_token.clone()))
        }

        /// `POST /v1/accounts/{oid}/management/accounts/{aid}/events`: adds a comment.
        pub async fn add_account_comment(
            &self,
            person: &Secret,
            aid: &AccountId,
            body: &NewComment,
        ) -> Result<AccountEvent, DinteroError> {
            let path = format!("{}/{aid}/events", self.accounts_path());
            self.post(&path, Auth::Bearer(person), body).await
        }
    }
}
