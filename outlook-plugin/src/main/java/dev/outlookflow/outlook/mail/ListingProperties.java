package dev.outlookflow.outlook.mail;

/**
 * What every list step's panel has, whatever it lists: the mailbox, Graph's OData options and a bound.
 * Each panel's record declares the components (a record cannot inherit them) and so implements this.
 */
public interface ListingProperties {
  /** Empty: the connection's mailbox. */
  String mailbox();

  /** {@code $top}: the page size. */
  int top();

  /** How many items are read at most, pages followed until then. */
  int maxItems();

  String filter();

  String select();

  /** {@code $orderby}; null where the panel offers no order. */
  String orderBy();
}
