<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nl" sourcelanguage="en">
<context>
    <name>LetterDialog</name>
    <message>
        <source>%1 and Dutch</source>
        <translation>%1 en Nederlands</translation>
    </message>
</context>
</TS>
