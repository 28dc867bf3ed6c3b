/**
 * The agent-facing ticket pages: the inbox, the ticket page with its composer and properties form,
 * "new ticket" on behalf of a customer, and the list of a customer's tickets that the customer page
 * embeds. Server-rendered with Thymeleaf; htmx only enhances, every form also works without script.
 */
package org.regard.tickets.web;
