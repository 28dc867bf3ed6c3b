/** Regard: a customer-service desk built around people, touches and written procedures. */
package org.regard;
