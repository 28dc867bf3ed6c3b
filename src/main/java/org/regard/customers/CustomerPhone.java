package org.regard.customers;

import org.springframework.data.relational.core.mapping.Table;

/** One number of a customer as stored: as written, its kind, and its digits and match key for finding it. */
@Table("customer_phone")
record CustomerPhone(String number, PhoneKind kind, String digits, String matchKey) {

    static CustomerPhone of(Phone phone) {
        return new CustomerPhone(phone.number(), phone.kind(), phone.digits(), phone.matchKey());
    }

    Phone phone() {
        return new Phone(number, kind);
    }
}
