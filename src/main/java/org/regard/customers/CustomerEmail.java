package org.regard.customers;

import org.springframework.data.relational.core.mapping.Table;

/** One address a customer writes from; the first one is where replies go. */
@Table("customer_email")
record CustomerEmail(String email) {
}
