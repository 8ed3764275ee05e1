package org.dedup.domain.model;

/** Where an incoming lead came from; the pixel and BIG DATA methods treat chats differently. */
public enum SourceChannel {
    CHAT, WEB_FORM, EMAIL, CALL, API, IMPORT
}
