package org.regard.customers;

/**
 * Raised when an agent tries to change, merge or promise for a customer they do not serve. Pages answer 403 with the
 * error page, the API a 403 problem; existence is not hidden, since every agent may read every customer.
 */
public class CustomerForbidden extends RuntimeException {
    public CustomerForbidden(String message) {
        super(message);
    }
}
