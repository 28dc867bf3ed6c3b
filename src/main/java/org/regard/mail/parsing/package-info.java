/** Reading raw e-mail into an {@link org.regard.mail.parsing.InboundMessage}, and the header reads the intake needs before parsing. */
package org.regard.mail.parsing;
