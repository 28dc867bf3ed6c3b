package org.regard.gestures;

/** Where a gesture stands: granted, waiting for a reviewer, or returned (refused) by one. */
public enum GestureState {
    STANDING, PENDING, RETURNED
}
