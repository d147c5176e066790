//! Mastercard MATCH and Visa VMSS: searches, inquiries by IRN, adding terminated merchants (07-compliance-match-vmss.md).
