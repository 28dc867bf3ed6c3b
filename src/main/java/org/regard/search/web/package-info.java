/** The search page: the results of the top bar's search box, with filters. */
package org.regard.search.web;
